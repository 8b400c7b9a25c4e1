package dev.bulwark.artifact;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds applied while reading one package (one {@link Artifact}). Every bound is enforced while
 * streaming, on real decompressed bytes, never on sizes declared in archive headers.
 *
 * @param maxTotalBytes total uncompressed bytes processed for one package, including entries that
 *     are skipped and archives nested inside it; reading stops when it is exceeded
 * @param maxFileBytes largest single file kept in memory; bigger files are not kept (not even a
 *     prefix, so the analysis never sees a truncated file as if it were whole) and are reported
 * @param maxEntries most archive entries or folder entries (files, folders, links) for one package
 * @param maxCompressionRatio uncompressed-to-compressed ratio above which an entry or stream is
 *     treated as a decompression bomb, once it has produced more than {@link #RATIO_FLOOR} bytes
 * @param maxNestingDepth how many archives inside archives are opened (the outer archive is depth
 *     0; an archive found inside it is depth 1)
 * @param timeBudget wall-clock time for reading one package; reading stops when it runs out
 */
public record ReaderLimits(
    long maxTotalBytes,
    long maxFileBytes,
    int maxEntries,
    double maxCompressionRatio,
    int maxNestingDepth,
    Duration timeBudget) {

  /** Entries smaller than this are never judged by their compression ratio. */
  public static final long RATIO_FLOOR = 1L << 20;

  public ReaderLimits {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (maxTotalBytes <= 0 || maxFileBytes <= 0 || maxEntries <= 0 || maxCompressionRatio <= 1) {
      throw new IllegalArgumentException("limits must be positive (ratio above 1)");
    }
    if (maxNestingDepth < 0 || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("nesting depth must be >= 0 and the time budget > 0");
    }
    if (maxFileBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxFileBytes must fit in a Java array");
    }
  }

  /** 512 MiB total, 64 MiB per file, 50,000 entries, ratio 200, depth 3, 60 seconds. */
  public static ReaderLimits defaults() {
    return new ReaderLimits(512L << 20, 64L << 20, 50_000, 200.0, 3, Duration.ofSeconds(60));
  }

  public ReaderLimits withMaxTotalBytes(long v) {
    return new ReaderLimits(v, maxFileBytes, maxEntries, maxCompressionRatio, maxNestingDepth, timeBudget);
  }

  public ReaderLimits withMaxFileBytes(long v) {
    return new ReaderLimits(maxTotalBytes, v, maxEntries, maxCompressionRatio, maxNestingDepth, timeBudget);
  }

  public ReaderLimits withMaxEntries(int v) {
    return new ReaderLimits(maxTotalBytes, maxFileBytes, v, maxCompressionRatio, maxNestingDepth, timeBudget);
  }

  public ReaderLimits withMaxNestingDepth(int v) {
    return new ReaderLimits(maxTotalBytes, maxFileBytes, maxEntries, maxCompressionRatio, v, timeBudget);
  }

  public ReaderLimits withTimeBudget(Duration v) {
    return new ReaderLimits(maxTotalBytes, maxFileBytes, maxEntries, maxCompressionRatio, maxNestingDepth, v);
  }
}
