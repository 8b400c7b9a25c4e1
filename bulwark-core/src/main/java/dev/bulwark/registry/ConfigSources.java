package dev.bulwark.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What registry resolution may look at: the project folder, the home folder, the environment and
 * the installed package managers.
 */
public record ConfigSources(Path cwd, Path home, Map<String, String> env, CommandRunner runner) {
  public ConfigSources {
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(home, "home");
    env = Map.copyOf(env);
    Objects.requireNonNull(runner, "runner");
  }
}
