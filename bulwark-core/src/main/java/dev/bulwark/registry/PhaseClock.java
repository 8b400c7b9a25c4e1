package dev.bulwark.registry;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe phase counters behind {@link PhaseTimes}. */
final class PhaseClock {
  enum Phase { METADATA, HEURISTICS, ADVISORY, DOWNLOAD, SCAN }

  private final LongAdder[] nanos = new LongAdder[Phase.values().length];
  private final LongAdder checks = new LongAdder();
  private final LongAdder scanned = new LongAdder();
  private final LongAdder cached = new LongAdder();

  PhaseClock() {
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = new LongAdder();
    }
  }

  /** Adds the time since {@code start} (a {@link System#nanoTime()} value) to a phase. */
  long add(Phase p, long start) {
    long now = System.nanoTime();
    nanos[p.ordinal()].add(now - start);
    return now;
  }

  void check() {
    checks.increment();
  }

  void scanned() {
    scanned.increment();
  }

  void cached() {
    cached.increment();
  }

  PhaseTimes snapshot() {
    return new PhaseTimes(nanos[0].sum(), nanos[1].sum(), nanos[2].sum(), nanos[3].sum(),
        nanos[4].sum(), checks.intValue(), scanned.intValue(), cached.intValue());
  }
}
