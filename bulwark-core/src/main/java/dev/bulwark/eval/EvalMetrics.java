package dev.bulwark.eval;

import dev.bulwark.eval.EvalReport.FalsePositive;
import dev.bulwark.eval.EvalReport.Miss;
import dev.bulwark.eval.EvalReport.RuleHits;
import dev.bulwark.eval.EvalReport.SampleError;
import dev.bulwark.eval.EvalReport.Throughput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pure functions from sample outcomes to the figures of a report. */
final class EvalMetrics {
  static final String ALL = "all";

  private EvalMetrics() {}

  /** Scores per ecosystem, sorted by ecosystem name. */
  static List<Scores> byEcosystem(List<SampleOutcome> outcomes) {
    Map<String, List<SampleOutcome>> groups = new TreeMap<>();
    for (SampleOutcome o : outcomes) {
      groups.computeIfAbsent(o.ecosystem(), k -> new ArrayList<>()).add(o);
    }
    List<Scores> out = new ArrayList<>();
    groups.forEach((eco, list) -> out.add(scores(eco, list)));
    return out;
  }

  static Scores scores(String name, List<SampleOutcome> outcomes) {
    int mal = 0, ben = 0, malErr = 0, benErr = 0, tpMal = 0, tpSus = 0, fpMal = 0, fpSus = 0;
    int incomplete = 0;
    for (SampleOutcome o : outcomes) {
      boolean isMal = o.sample().label() == Label.MALICIOUS;
      if (o.failed()) {
        malErr += isMal ? 1 : 0;
        benErr += isMal ? 0 : 1;
        continue;
      }
      incomplete += o.incomplete() ? 1 : 0;
      int m = o.flaggedMalicious() ? 1 : 0;
      int s = o.flaggedSuspicious() ? 1 : 0;
      if (isMal) {
        mal++;
        tpMal += m;
        tpSus += s;
      } else {
        ben++;
        fpMal += m;
        fpSus += s;
      }
    }
    return new Scores(name, mal, ben, malErr, benErr, tpMal, tpSus, fpMal, fpSus, incomplete);
  }

  /** Per rule, samples of each label with a finding of it; most malicious hits first. */
  static List<RuleHits> ruleHits(List<SampleOutcome> outcomes) {
    Map<String, int[]> counts = new TreeMap<>();
    for (SampleOutcome o : outcomes) {
      int slot = o.sample().label() == Label.MALICIOUS ? 0 : 1;
      for (String rule : o.ruleIds()) {
        counts.computeIfAbsent(rule, k -> new int[2])[slot]++;
      }
    }
    List<RuleHits> out = new ArrayList<>();
    counts.forEach((rule, c) -> out.add(new RuleHits(rule, c[0], c[1])));
    out.sort(
        Comparator.comparingInt(RuleHits::malicious)
            .reversed()
            .thenComparing(Comparator.comparingInt(RuleHits::benign).reversed())
            .thenComparing(RuleHits::ruleId));
    return out;
  }

  static List<Miss> misses(List<SampleOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o.sample().label() == Label.MALICIOUS && !o.failed() && !o.flaggedMalicious())
        .map(o -> new Miss(o.sample().id(), o.ecosystem(), o.verdict(), o.topFinding()))
        .sorted(Comparator.comparing(Miss::id))
        .toList();
  }

  static List<FalsePositive> falsePositives(List<SampleOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o.sample().label() == Label.BENIGN && o.flaggedSuspicious())
        .map(o -> new FalsePositive(o.sample().id(), o.ecosystem(), o.verdict(), o.topRules()))
        .sorted(Comparator.comparing(FalsePositive::id))
        .toList();
  }

  static List<SampleError> errors(List<SampleOutcome> outcomes) {
    return outcomes.stream()
        .filter(SampleOutcome::failed)
        .map(o -> new SampleError(o.sample().id(), o.error()))
        .sorted(Comparator.comparing(SampleError::id))
        .toList();
  }

  /** Samples scanned despite read or analysis problems, with the first problem. */
  static List<SampleError> incomplete(List<SampleOutcome> outcomes) {
    return outcomes.stream()
        .filter(SampleOutcome::incomplete)
        .map(o -> new SampleError(o.sample().id(),
            o.firstProblem() + (o.problems() > 1 ? " (+" + (o.problems() - 1) + " more)" : "")))
        .sorted(Comparator.comparing(SampleError::id))
        .toList();
  }

  static Throughput throughput(List<SampleOutcome> outcomes, long wallNanos) {
    long[] times = outcomes.stream().mapToLong(SampleOutcome::nanos).sorted().toArray();
    long bytes = outcomes.stream().mapToLong(SampleOutcome::bytes).sum();
    return new Throughput(
        outcomes.size(), bytes, wallNanos, percentile(times, 50), percentile(times, 99));
  }

  /** Nearest-rank percentile of sorted values: the smallest value with p% at or below it; 0 if none. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }
}
