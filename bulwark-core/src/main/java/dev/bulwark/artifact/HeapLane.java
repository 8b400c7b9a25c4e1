package dev.bulwark.artifact;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * Lets several packages be read and analysed in parallel in a heap that has room for only one
 * large package. A package in flight may keep up to {@link #SMALL_BYTES} freely; to keep more it
 * takes the one large lane, and holds it until its analysis is over, so at most one package in
 * flight is large and the others wait only when they, too, grow past the mark. Scheduling only:
 * what is read and what is judged do not change, so verdicts stay the same for any thread count.
 *
 * <p>A worker runs each package through {@link #run}; readers report the bytes a package keeps
 * with {@link #kept}, which does nothing on a thread that is not inside {@link #run} (a single
 * package read by a caller of its own is never held back). Written by hand: a semaphore and a
 * thread-local scope, nothing a library adds.
 */
public final class HeapLane {
  /** Bytes a package in flight may keep without the large lane. */
  public static final long SMALL_BYTES = 32L << 20;

  /** The heap the analysis of one package may need beyond its kept files (as before). */
  static final long ANALYSIS_MARGIN = 64L << 20;

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private final Semaphore large = new Semaphore(1, true);

  private static final class Scope {
    final HeapLane lane;
    boolean holds;

    Scope(HeapLane lane) {
      this.lane = lane;
    }
  }

  /**
   * Runs {@code work} on the calling thread as one package in flight; the large lane, if it took
   * it, is given back when {@code work} returns or throws. A call inside another one shares the
   * outer package's scope.
   */
  public <T> T run(Callable<T> work) throws Exception {
    if (CURRENT.get() != null) {
      return work.call();
    }
    Scope s = new Scope(this);
    CURRENT.set(s);
    try {
      return work.call();
    } finally {
      CURRENT.remove();
      if (s.holds) {
        large.release();
      }
    }
  }

  /**
   * Tells the lane of the calling thread's package that the package will keep {@code bytes} in
   * all; past {@link #SMALL_BYTES} this waits for the large lane.
   */
  public static void kept(long bytes) {
    Scope s = CURRENT.get();
    if (s != null && !s.holds && bytes > SMALL_BYTES) {
      s.lane.large.acquireUninterruptibly();
      s.holds = true;
    }
  }

  /** Whether some thread waits for the large lane (for tests). */
  boolean contended() {
    return large.hasQueuedThreads();
  }

  /**
   * The requested thread count, lowered so that the packages in flight fit in four fifths of the
   * heap: one large package ({@link ReaderLimits#inFlightBytes()}) and, beside it, packages of
   * at most {@link #SMALL_BYTES} kept, one more file being read and the analysis margin each.
   * Never below one.
   *
   * @param maxHeap the heap as the JVM reports it ({@code Runtime.maxMemory()}, which leaves out a
   *     survivor space: 618 MiB under {@code -Xmx640m} with the serial collector)
   */
  public static int threadsThatFit(int requested, ReaderLimits limits, long maxHeap) {
    long budget = maxHeap / 5 * 4;
    long large = limits.inFlightBytes();
    if (requested <= 1 || budget < large) {
      return 1;
    }
    long small = Math.min(SMALL_BYTES, limits.maxKeptBytes()) + limits.maxFileBytes()
        + ANALYSIS_MARGIN;
    long fit = 1 + (budget - large) / small;
    return (int) Math.max(1, Math.min(requested, fit));
  }
}
