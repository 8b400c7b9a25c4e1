package dev.bulwark.eval;

import dev.bulwark.model.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one evaluation run.
 *
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param threads worker threads used
 * @param byEcosystem scores per ecosystem, sorted by name
 * @param overall scores over all ecosystems
 * @param ruleHits per rule, how many samples of each label have at least one finding of it
 * @param misses malicious samples not given verdict malicious, by id
 * @param falsePositives benign samples given verdict suspicious or malicious, by id
 * @param errors samples that could not be scanned, by id
 * @param incomplete samples scanned despite read or analysis problems, by id, with the first
 *     problem
 * @param malicious throughput over the malicious set
 * @param benign throughput over the benign set
 * @param baseline the plain-extraction baseline, when measured
 * @param peakHeapBytes the highest heap use seen while scanning
 * @param notes what dataset discovery skipped or could not match
 * @param samples every sample's outcome, malicious first, each set sorted by id
 */
public record EvalReport(
    Instant startedAt,
    Instant finishedAt,
    int threads,
    List<Scores> byEcosystem,
    Scores overall,
    List<RuleHits> ruleHits,
    List<Miss> misses,
    List<FalsePositive> falsePositives,
    List<SampleError> errors,
    List<SampleError> incomplete,
    Throughput malicious,
    Throughput benign,
    Optional<Baseline> baseline,
    long peakHeapBytes,
    List<String> notes,
    List<SampleOutcome> samples) {
  public EvalReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(malicious, "malicious");
    Objects.requireNonNull(benign, "benign");
    Objects.requireNonNull(baseline, "baseline");
    byEcosystem = List.copyOf(byEcosystem);
    ruleHits = List.copyOf(ruleHits);
    misses = List.copyOf(misses);
    falsePositives = List.copyOf(falsePositives);
    errors = List.copyOf(errors);
    incomplete = List.copyOf(incomplete);
    notes = List.copyOf(notes);
    samples = List.copyOf(samples);
  }

  /** Samples of each label with at least one finding of a rule. */
  public record RuleHits(String ruleId, int malicious, int benign) {}

  /** A malicious sample not given verdict malicious. */
  public record Miss(String id, String ecosystem, Verdict verdict, String topFinding) {}

  /** A benign sample given verdict suspicious or malicious. */
  public record FalsePositive(String id, String ecosystem, Verdict verdict, List<String> topRules) {
    public FalsePositive {
      topRules = List.copyOf(topRules);
    }
  }

  /** A sample that could not be scanned. */
  public record SampleError(String id, String message) {}

  /**
   * Speed over one set.
   *
   * @param packages samples attempted
   * @param bytes unpacked bytes read
   * @param wallNanos wall-clock time of the whole set, all threads together
   * @param p50Nanos median time per sample
   * @param p99Nanos 99th percentile time per sample (nearest rank)
   */
  public record Throughput(int packages, long bytes, long wallNanos, long p50Nanos, long p99Nanos) {
    public double packagesPerSecond() {
      return wallNanos == 0 ? 0 : packages * 1e9 / wallNanos;
    }

    /** Unpacked megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
      return wallNanos == 0 ? 0 : bytes * 1e3 / wallNanos;
    }
  }

  /**
   * Plain extraction with the system {@code tar -xzf} of the benign tarballs, with the same number
   * of threads, against the scan of the same tarballs.
   *
   * @param packages tarballs extracted
   * @param bytes unpacked bytes of those tarballs, as the scan read them
   * @param wallNanos wall-clock time of all extractions
   * @param tarNanos summed time of the single extractions
   * @param scanNanos summed time of scanning the same tarballs
   * @param failures extractions that failed (not counted in the times)
   */
  public record Baseline(
      int packages, long bytes, long wallNanos, long tarNanos, long scanNanos, int failures) {
    public double tarPackagesPerSecond() {
      return wallNanos == 0 ? 0 : packages * 1e9 / wallNanos;
    }

    public double tarMegabytesPerSecond() {
      return wallNanos == 0 ? 0 : bytes * 1e3 / wallNanos;
    }

    /** Scan throughput divided by tar throughput on the same tarballs (below 1: scan is slower). */
    public double scanToTarRatio() {
      return scanNanos == 0 ? 0 : (double) tarNanos / scanNanos;
    }
  }
}
