package dev.bulwark.eval;

import dev.bulwark.model.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * What the scan made of one sample. Only the summary is kept, not the full findings, so a run over
 * thousands of samples stays small.
 *
 * @param sample the sample
 * @param ecosystem "npm", "PyPI" or "unknown": from the dataset layout, else the artifact
 * @param verdict the worst verdict over the sample's artifacts (CLEAN when {@code error} is set)
 * @param score the highest score
 * @param ruleIds the distinct rules with at least one finding, sorted
 * @param topRules up to three distinct rules in finding order (most severe first)
 * @param topFinding "rule: message" of the most severe finding, "" when none
 * @param nanos time to read and analyse the sample
 * @param bytes unpacked bytes read
 * @param problems how many read or analysis problems the reader and analyzer reported (the
 *     sample was scanned, but maybe not completely)
 * @param firstProblem the first of them, "code: message (location)", "" when none
 * @param error why the sample could not be scanned, "" when it was
 */
public record SampleOutcome(
    Sample sample,
    String ecosystem,
    Verdict verdict,
    int score,
    List<String> ruleIds,
    List<String> topRules,
    String topFinding,
    long nanos,
    long bytes,
    int problems,
    String firstProblem,
    String error) {
  public static final String UNKNOWN_ECOSYSTEM = "unknown";

  public SampleOutcome {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(topFinding, "topFinding");
    Objects.requireNonNull(firstProblem, "firstProblem");
    Objects.requireNonNull(error, "error");
    ruleIds = ruleIds.stream().distinct().sorted().toList();
    topRules = List.copyOf(topRules);
  }

  static SampleOutcome failed(Sample sample, String ecosystem, long nanos, String error) {
    return new SampleOutcome(
        sample, ecosystem, Verdict.CLEAN, 0, List.of(), List.of(), "", nanos, 0, 0, "", error);
  }

  public boolean failed() {
    return !error.isEmpty();
  }

  /** Scanned, but the reader or analyzer reported problems. */
  public boolean incomplete() {
    return !failed() && problems > 0;
  }

  /** Verdict is malicious. */
  public boolean flaggedMalicious() {
    return !failed() && verdict == Verdict.MALICIOUS;
  }

  /** Verdict is suspicious or malicious. */
  public boolean flaggedSuspicious() {
    return !failed() && verdict != Verdict.CLEAN;
  }
}
