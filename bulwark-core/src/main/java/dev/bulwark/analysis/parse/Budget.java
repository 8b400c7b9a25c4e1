package dev.bulwark.analysis.parse;

/**
 * A time budget for one parse or one file's queries, checked from tree-sitter's progress
 * callbacks. Uses the monotonic clock; the duration comes from the engine's limits.
 */
public final class Budget {
  private final long deadline;
  private final Budget parent;
  private volatile boolean exceeded;

  private Budget(long nanos, Budget parent) {
    this.deadline = System.nanoTime() + nanos;
    this.parent = parent;
  }

  public static Budget ofMillis(long millis) {
    return new Budget(millis * 1_000_000L, null);
  }

  /** A budget that also ends when this one does. */
  public Budget child(long millis) {
    return new Budget(millis * 1_000_000L, this);
  }

  /** True (and remembered) once the deadline (or the parent's) has passed. */
  public boolean exceeded() {
    if (!exceeded && (System.nanoTime() > deadline || parent != null && parent.exceeded())) {
      exceeded = true;
    }
    return exceeded;
  }

  /** Whether it ran out at some point (without checking the clock again). */
  public boolean wasExceeded() {
    return exceeded;
  }
}
