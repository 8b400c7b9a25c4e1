package dev.bulwark.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * How to run an evaluation.
 *
 * @param threads worker threads, 1 to 256
 * @param baseline the plain-extraction baseline to time on the benign tarballs, when wanted
 */
public record EvalOptions(int threads, Optional<Extractor> baseline) {
  public EvalOptions {
    Objects.requireNonNull(baseline, "baseline");
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be between 1 and 256, was " + threads);
    }
  }

  /** One thread per core, no baseline. */
  public static EvalOptions defaults() {
    return new EvalOptions(Runtime.getRuntime().availableProcessors(), Optional.empty());
  }
}
