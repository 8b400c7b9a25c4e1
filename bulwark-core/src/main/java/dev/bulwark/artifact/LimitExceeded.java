package dev.bulwark.artifact;

import java.io.IOException;

/**
 * Thrown from inside a stream when a limit that stops the whole package is hit (total size, ratio,
 * entry count, time). It is an IOException so it passes through the archive libraries unchanged.
 */
final class LimitExceeded extends IOException {
  private static final long serialVersionUID = 1L;
  private final String ruleId;
  private final String path;

  LimitExceeded(String ruleId, String path, String message) {
    super(message);
    this.ruleId = ruleId;
    this.path = path;
  }

  String ruleId() {
    return ruleId;
  }

  String path() {
    return path;
  }

  /** The LimitExceeded in {@code t}'s cause chain, if a library wrapped it. */
  static java.util.Optional<LimitExceeded> in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof LimitExceeded le) {
        return java.util.Optional.of(le);
      }
    }
    return java.util.Optional.empty();
  }
}
