package dev.bulwark.eval;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Polls heap use on a daemon thread and keeps the highest value seen. */
final class HeapSampler implements AutoCloseable {
  static final LongSupplier JVM_HEAP_USED =
      () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

  private final LongSupplier probe;
  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService timer;

  private HeapSampler(LongSupplier probe, long everyMillis) {
    this.probe = probe;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bulwark-eval-heap");
              t.setDaemon(true);
              return t;
            });
    sample();
    timer.scheduleAtFixedRate(this::sample, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }

  static HeapSampler start(LongSupplier probe, long everyMillis) {
    return new HeapSampler(probe, everyMillis);
  }

  private void sample() {
    long v = probe.getAsLong();
    peak.accumulateAndGet(v, Math::max);
  }

  /** The highest heap use seen so far, sampling once more now. */
  long peak() {
    sample();
    return peak.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
