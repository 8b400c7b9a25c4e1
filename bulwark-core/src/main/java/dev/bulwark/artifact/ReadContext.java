package dev.bulwark.artifact;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.SourceLocation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What has been read so far for one package, and the counters its limits are checked against.
 * Not thread-safe: one context per package, used by one thread.
 */
final class ReadContext {
  private static final long TIME_CHECK_EVERY = 1L << 20;

  private final ReaderLimits limits;
  private final Clock clock;
  private final Instant deadline;
  private final Map<String, ArtifactFile> files = new TreeMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Integer> findingsPerRule = new TreeMap<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<Problem> errors = new ArrayList<>();
  private long processed;
  private long nextTimeCheck = TIME_CHECK_EVERY;
  private int entries;
  private boolean stopped;

  ReadContext(ReaderLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.deadline = clock.instant().plus(limits.timeBudget());
  }

  ReaderLimits limits() {
    return limits;
  }

  private long keptBytes;
  private boolean keptLimitReported;

  /** True once a package-wide limit was hit: nothing more is read. */
  boolean stopped() {
    return stopped;
  }

  /** Counts one entry (file, folder or link); throws when the entry count or time runs out. */
  void countEntry(String path) throws LimitExceeded {
    entries++;
    if (entries > limits.maxEntries()) {
      throw new LimitExceeded(
          ReaderFindingRules.TOO_MANY_ENTRIES,
          path,
          "The package has more than " + limits.maxEntries() + " entries; reading stopped.");
    }
    checkTime(path);
  }

  /** Counts decompressed or read bytes against the total; checks the clock every MiB. */
  void addProcessed(long n, String path) throws LimitExceeded {
    processed += n;
    if (processed > limits.maxTotalBytes()) {
      throw new LimitExceeded(
          ReaderFindingRules.TOO_LARGE,
          path,
          "The package is larger than " + limits.maxTotalBytes()
              + " uncompressed bytes; reading stopped.");
    }
    if (processed >= nextTimeCheck) {
      nextTimeCheck = processed + TIME_CHECK_EVERY;
      checkTime(path);
    }
  }

  void checkTime(String path) throws LimitExceeded {
    if (clock.instant().isAfter(deadline)) {
      throw new LimitExceeded(
          ReaderFindingRules.TIME_BUDGET,
          path,
          "Reading took longer than " + limits.timeBudget().toSeconds() + " s of wall-clock time,"
              + " the last-resort limit (the others count bytes and entries), so this depends on"
              + " the machine's load; reading stopped.");
    }
  }

  boolean has(String path) {
    return files.containsKey(path);
  }

  /**
   * Keeps a file; a second file with the same path is reported and dropped, and so is a file that
   * would take the package's kept bytes over {@link ReaderLimits#maxKeptBytes()} (reported once,
   * each such file listed as skipped; smaller files after it are still kept).
   */
  void keep(String path, byte[] content, boolean executable) {
    if (files.containsKey(path)) {
      duplicate(path);
      return;
    }
    if (keptBytes + content.length > limits.maxKeptBytes()) {
      if (!keptLimitReported) {
        keptLimitReported = true;
        report(ReaderFindingRules.TOO_LARGE, path, "The package's files add up to more than "
            + limits.maxKeptBytes() + " bytes; files past that were not kept or analysed.");
      }
      skip(path, "not kept: the package's files already add up to the limit of "
          + limits.maxKeptBytes() + " bytes");
      return;
    }
    HeapLane.kept(keptBytes + content.length);
    keptBytes += content.length;
    files.put(path, new ArtifactFile(path, content, executable));
  }

  void duplicate(String path) {
    report(ReaderFindingRules.DUPLICATE_ENTRY, path,
        "A second entry with the same path was found; the first one was kept.");
    skip(path, "duplicate entry; the first one was kept");
  }

  /** At most this many findings of one rule per package; the rest are counted in one more. */
  static final int MAX_FINDINGS_PER_RULE = 50;

  void report(String ruleId, String path, String message) {
    int n = findingsPerRule.merge(ruleId, 1, Integer::sum);
    String shown = EntryName.display(path);
    if (n <= MAX_FINDINGS_PER_RULE) {
      ReaderFindingRule rule = ReaderFindingRules.get(ruleId);
      findings.add(rule.finding(SourceLocation.of(shown), shown, message));
    }
  }

  /** One finding per rule that hit the cap, saying how many were left out. */
  private List<Finding> capSummaries(String displayName) {
    List<Finding> out = new ArrayList<>();
    findingsPerRule.forEach((rule, n) -> {
      if (n > MAX_FINDINGS_PER_RULE) {
        out.add(ReaderFindingRules.get(rule).finding(SourceLocation.of(displayName), "",
            (n - MAX_FINDINGS_PER_RULE) + " more entries like this were found but not listed."));
      }
    });
    return out;
  }

  void skip(String path, String reason) {
    skipped.add(new Skipped(EntryName.display(path), reason));
  }

  void error(String code, String path, String message) {
    errors.add(new Problem(code, message, SourceLocation.of(EntryName.display(path))));
  }

  /** Records a package-wide limit and stops all further reading. */
  void stop(LimitExceeded e) {
    if (stopped) {
      return;
    }
    stopped = true;
    report(e.ruleId(), e.path(), e.getMessage());
    skip(e.path(), "not read: " + e.getMessage() + " Later entries were not read either.");
  }

  /** A limit (possibly wrapped by a library) stops reading; anything else marks corruption. */
  void fail(String path, Throwable t) {
    java.util.Optional<LimitExceeded> limit = LimitExceeded.in(t);
    if (limit.isPresent()) {
      stop(limit.get());
    } else {
      corrupt(path, t);
    }
  }

  /** Records a truncated or corrupt archive; everything read before stays. */
  void corrupt(String path, Throwable t) {
    String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    why = EntryName.display(why);
    error("corrupt-archive", path, "The archive is truncated or corrupt after this point: " + why);
    report(ReaderFindingRules.CORRUPT, path,
        "The archive could not be read past this entry: " + why);
  }

  int fileCount() {
    return files.size();
  }

  boolean isEmpty() {
    return files.isEmpty() && findings.isEmpty() && skipped.isEmpty() && errors.isEmpty();
  }

  Artifact toArtifact(String displayName) {
    List<ArtifactFile> sorted = List.copyOf(files.values());
    PackageIdentity id = PackageIdentity.of(sorted);
    return new Artifact(
        displayName,
        id.ecosystem(),
        id.name(),
        id.version(),
        sorted,
        java.util.stream.Stream.concat(findings.stream(), capSummaries(displayName).stream())
            .sorted()
            .toList(),
        skipped.stream().sorted().toList(),
        errors.stream().sorted().toList());
  }
}
