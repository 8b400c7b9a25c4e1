package dev.bulwark.monitor;

import java.time.Duration;

/** Waits; injected so tests of backoff run without waiting. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  static Sleeper real() {
    return d -> Thread.sleep(d.toMillis());
  }
}
