package dev.bulwark.advisory;

import java.nio.file.Path;
import java.util.Map;

/** Where the advisory database lives by default. */
public final class AdvisoryPaths {
  private AdvisoryPaths() {}

  /**
   * {@code $XDG_CACHE_HOME/bulwark/advisories.db} when that variable is set to an absolute path
   * (the XDG rule: relative values are ignored), else {@code <home>/.cache/bulwark/advisories.db}.
   *
   * @param env the process environment (pass {@code System.getenv()} from the CLI)
   * @param home the user's home folder
   */
  public static Path defaultDbPath(Map<String, String> env, Path home) {
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "").trim();
    Path cache = !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
    return cache.resolve("bulwark").resolve("advisories.db");
  }
}
