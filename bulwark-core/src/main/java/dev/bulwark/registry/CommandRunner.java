package dev.bulwark.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs the user's own package manager: for its settings ({@code npm config get registry}) and, in
 * the install guard, to resolve a plan with scripts disabled. Never code under analysis. Tests pass
 * a fake.
 */
@FunctionalInterface
public interface CommandRunner {
  /** The command's standard output when it exits 0 within the timeout, else empty. */
  Optional<String> run(List<String> command, Duration timeout);

  /**
   * The same runner, starting commands in {@code dir} (the install guard plans in a temporary
   * copy of the project). Runners that start no process may ignore it.
   */
  default CommandRunner in(java.nio.file.Path dir) {
    return this;
  }

  /** A runner that never finds anything (no package manager available). */
  static CommandRunner none() {
    return (c, t) -> Optional.empty();
  }
}
