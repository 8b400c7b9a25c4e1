package dev.bulwark.eval;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds the scan results of one sample's artifacts into one outcome. */
final class Outcomes {
  static final int TOP_RULES = 3;

  private Outcomes() {}

  static SampleOutcome summarize(
      Sample sample, List<Artifact> artifacts, List<ScanResult> results, long nanos) {
    Verdict worst = Verdict.CLEAN;
    int score = 0;
    List<Finding> findings = new ArrayList<>();
    for (ScanResult r : results) {
      worst = r.verdict().compareTo(worst) < 0 ? r.verdict() : worst;
      score = Math.max(score, r.score());
      findings.addAll(r.findings());
    }
    findings.sort(null);
    long bytes = artifacts.stream().mapToLong(Artifact::totalBytes).sum();
    List<Problem> problems = new ArrayList<>();
    artifacts.forEach(a -> problems.addAll(a.errors()));
    results.forEach(r -> problems.addAll(r.errors()));
    problems.sort(null);
    String first = problems.isEmpty() ? "" : describe(problems.get(0));
    List<String> rules = findings.stream().map(Finding::ruleId).toList();
    String top = findings.isEmpty() ? "" : findings.get(0).ruleId() + ": " + findings.get(0).message();
    return new SampleOutcome(
        sample,
        ecosystem(sample, artifacts, results),
        worst,
        score,
        rules,
        rules.stream().distinct().limit(TOP_RULES).toList(),
        top,
        nanos,
        bytes,
        problems.size(),
        first,
        "");
  }

  static String describe(Problem p) {
    return p.code() + ": " + p.message() + " (" + p.location() + ")";
  }

  /** The dataset's ecosystem, else the first artifact's or result's, else "unknown". */
  static String ecosystem(Sample sample, List<Artifact> artifacts, List<ScanResult> results) {
    Optional<Ecosystem> e = sample.ecosystem();
    for (Artifact a : artifacts) {
      e = e.or(a::ecosystem);
    }
    for (ScanResult r : results) {
      e = e.or(r::ecosystem);
    }
    return e.map(Ecosystem::osvName).orElse(SampleOutcome.UNKNOWN_ECOSYSTEM);
  }
}
