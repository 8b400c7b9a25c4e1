package dev.bulwark.analysis.parse;

/**
 * A time budget for one parse or one file's queries, checked from tree-sitter's progress
 * callbacks. Uses the monotonic clock; the duration comes from the engine's limits.
 */
public final class Budget {
  private final long deadline;
  private boolean exceeded;

  private Budget(long nanos) {
    this.deadline = System.nanoTime() + nanos;
  }

  public static Budget ofMillis(long millis) {
    return new Budget(millis * 1_000_000L);
  }

  /** True (and remembered) once the deadline has passed. */
  public boolean exceeded() {
    if (!exceeded && System.nanoTime() > deadline) {
      exceeded = true;
    }
    return exceeded;
  }

  /** Whether it ran out at some point (without checking the clock again). */
  public boolean wasExceeded() {
    return exceeded;
  }
}
