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
 * @param timeBudget wall-clock time for reading one package, a last resort only: every other limit
 *     is counted in work (bytes, entries, ratio, depth), so the same input is read the same way on
 *     any machine and under any load; this one fires only when the machine is starved, and is
 *     reported when it does
 * @param maxKeptBytes total size of the files kept in memory for one package (what analysis sees);
 *     a file that would go over it is not kept and is reported, so that a few packages analysed in
 *     parallel fit in a bounded heap whatever the input
 */
public record ReaderLimits(
    long maxTotalBytes,
    long maxFileBytes,
    int maxEntries,
    double maxCompressionRatio,
    int maxNestingDepth,
    Duration timeBudget,
    long maxKeptBytes) {

  /** Entries smaller than this are never judged by their compression ratio. */
  public static final long RATIO_FLOOR = 1L << 20;

  public ReaderLimits {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (maxKeptBytes <= 0 || maxTotalBytes <= 0 || maxFileBytes <= 0 || maxEntries <= 0 || maxCompressionRatio <= 1) {
      throw new IllegalArgumentException("limits must be positive (ratio above 1)");
    }
    if (maxNestingDepth < 0 || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("nesting depth must be >= 0 and the time budget > 0");
    }
    if (maxFileBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxFileBytes must fit in a Java array");
    }
  }

  /** The limits with the default bound on kept bytes ({@link #DEFAULT_KEPT_BYTES}). */
  public ReaderLimits(long maxTotalBytes, long maxFileBytes, int maxEntries,
      double maxCompressionRatio, int maxNestingDepth, Duration timeBudget) {
    this(maxTotalBytes, maxFileBytes, maxEntries, maxCompressionRatio, maxNestingDepth, timeBudget,
        DEFAULT_KEPT_BYTES);
  }

  /**
   * 128 MiB kept per package. The largest packages of the benign npm corpus keep about 60 MB; with
   * one more file in flight (64 MiB) and the analysis of one file, one such package and one of up
   * to {@link HeapLane#SMALL_BYTES} beside it fit in four fifths of the launcher's heap ({@link
   * #inFlightBytes()}, {@link HeapLane#threadsThatFit}).
   */
  public static final long DEFAULT_KEPT_BYTES = 128L << 20;

  /**
   * 512 MiB processed and 128 MiB kept in total, 64 MiB per file, 50,000 entries, ratio 200,
   * depth 3; 600 seconds of wall-clock time as the last resort. The work limits bound a read to
   * seconds of CPU (512 MiB of inflating), so the wall-clock limit leaves room for a machine
   * loaded many times over.
   */
  public static ReaderLimits defaults() {
    return new ReaderLimits(512L << 20, 64L << 20, 50_000, 200.0, 3, Duration.ofSeconds(600));
  }

  /**
   * A bound on the heap one package being read and analysed can hold: the kept files, one more
   * file being read, and a margin for the analysis of one file. Callers size their thread pools
   * with it.
   */
  public long inFlightBytes() {
    return maxKeptBytes + maxFileBytes + HeapLane.ANALYSIS_MARGIN;
  }

  public ReaderLimits withMaxKeptBytes(long v) {
    return new ReaderLimits(maxTotalBytes, maxFileBytes, maxEntries, maxCompressionRatio,
        maxNestingDepth, timeBudget, v);
  }

  public ReaderLimits withMaxTotalBytes(long v) {
    return new ReaderLimits(
        v, maxFileBytes, maxEntries, maxCompressionRatio, maxNestingDepth, timeBudget, maxKeptBytes);
  }

  public ReaderLimits withMaxFileBytes(long v) {
    return new ReaderLimits(
        maxTotalBytes, v, maxEntries, maxCompressionRatio, maxNestingDepth, timeBudget, maxKeptBytes);
  }

  public ReaderLimits withMaxEntries(int v) {
    return new ReaderLimits(
        maxTotalBytes, maxFileBytes, v, maxCompressionRatio, maxNestingDepth, timeBudget, maxKeptBytes);
  }

  public ReaderLimits withMaxNestingDepth(int v) {
    return new ReaderLimits(
        maxTotalBytes, maxFileBytes, maxEntries, maxCompressionRatio, v, timeBudget, maxKeptBytes);
  }

  public ReaderLimits withTimeBudget(Duration v) {
    return new ReaderLimits(
        maxTotalBytes, maxFileBytes, maxEntries, maxCompressionRatio, maxNestingDepth, v, maxKeptBytes);
  }
}
