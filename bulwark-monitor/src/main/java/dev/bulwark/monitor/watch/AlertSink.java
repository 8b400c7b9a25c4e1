package dev.bulwark.monitor.watch;

/** Where raised alerts go (the webhook); must return at once, never blocking the caller. */
@FunctionalInterface
public interface AlertSink {
  void raised(Alert alert);

  static AlertSink none() {
    return a -> { };
  }
}
