package dev.bulwark.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks an installed package manager for its settings ({@code npm config get registry}). It runs
 * the user's own npm or pip, never code under analysis. Tests pass a fake.
 */
@FunctionalInterface
public interface CommandRunner {
  /** The command's standard output when it exits 0 within the timeout, else empty. */
  Optional<String> run(List<String> command, Duration timeout);

  /** A runner that never finds anything (no package manager available). */
  static CommandRunner none() {
    return (c, t) -> Optional.empty();
  }
}
