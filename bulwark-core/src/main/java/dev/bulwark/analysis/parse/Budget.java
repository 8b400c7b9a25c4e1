package dev.bulwark.analysis.parse;

import java.util.function.LongSupplier;

/**
 * A work budget for one parse, one file's queries, or all work on one file. Work is counted, not
 * timed, so the same input runs out at the same point on any machine and under any load:
 *
 * <ul>
 *   <li>tree-sitter's progress callbacks (the parser and the query cursor call back every 100 or
 *       so of their internal operations): one unit per call, see {@link #tick()};
 *   <li>the data-flow walk: one unit per 1,024 syntax nodes visited;
 *   <li>the rule engine: one unit per rule evaluated on a file.
 * </ul>
 *
 * A child budget charges its parent too. Beside the work limit there is a generous wall-clock
 * limit, a last resort against a stall that is not counted as work; when it fires the budget
 * says so ({@link #ranOutOfTime()}) and the caller reports it, because only then can a result
 * depend on machine load. The clock is passed in ({@code System::nanoTime} in production).
 * A budget belongs to the one thread that analyses its file.
 */
public final class Budget {
  private final long workLimit;
  private final long deadline;
  private final LongSupplier nanoClock;
  private final Budget parent;
  private long work;
  private boolean exceeded;
  private boolean outOfTime;

  private Budget(long workLimit, long lastResortMillis, LongSupplier nanoClock, Budget parent) {
    this.workLimit = workLimit;
    this.nanoClock = nanoClock;
    this.deadline = parent == null ? nanoClock.getAsLong() + lastResortMillis * 1_000_000L : 0;
    this.parent = parent;
  }

  /** A root budget: {@code work} units, and a wall-clock last resort, on the system clock. */
  public static Budget of(long work, long lastResortMillis) {
    return of(work, lastResortMillis, System::nanoTime);
  }

  /** As {@link #of(long, long)} on the given monotonic clock (nanoseconds). */
  public static Budget of(long work, long lastResortMillis, LongSupplier nanoClock) {
    return new Budget(work, lastResortMillis, nanoClock, null);
  }

  /** A budget of {@code work} units that also ends when this one does (and charges it). */
  public Budget child(long work) {
    return new Budget(work, 0, nanoClock, this);
  }

  /** Charges one unit of work; true once the budget is exceeded. */
  public boolean tick() {
    return charge(1);
  }

  /** Charges {@code units} of work; true once the budget (or a parent) is exceeded. */
  public boolean charge(long units) {
    work += units;
    if (parent != null) {
      parent.charge(units);
    }
    return exceeded();
  }

  /** True (and remembered) once the work limit or the last-resort deadline has passed. */
  public boolean exceeded() {
    if (!exceeded) {
      if (work > workLimit || parent != null && parent.exceeded()) {
        exceeded = true;
      } else if (parent == null && nanoClock.getAsLong() - deadline > 0) {
        exceeded = true;
        outOfTime = true;
      }
    }
    return exceeded;
  }

  /** Whether it ran out at some point (without checking again). */
  public boolean wasExceeded() {
    return exceeded;
  }

  /** True when the wall-clock last resort (this budget's or a parent's) ended the work. */
  public boolean ranOutOfTime() {
    return outOfTime || parent != null && parent.ranOutOfTime();
  }

  /** The work charged so far. */
  public long work() {
    return work;
  }
}
