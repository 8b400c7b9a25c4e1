package dev.bulwark.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One bounded walk of the home folder that finds both Python virtual environments (folders with a
 * pyvenv.cfg) and project {@code .env} files, so the home folder is walked once, not twice.
 */
final class HomeWalk {
  static final int DEPTH = 4;
  static final int MAX_ENV = 100;
  /** Hidden top-level folders worth entering: the usual homes of named virtual environments. */
  private static final Set<String> HIDDEN_VENV_HOMES = Set.of(".virtualenvs", ".venvs", ".local",
      ".pyenv-virtualenvs");
  private static final Set<String> SKIP = Set.of("Library", "AppData", ".cache", "Applications");

  /** What the walk found, sorted. */
  record Result(List<Path> virtualenvs, List<Path> envFiles) {}

  private HomeWalk() {}

  static Result run(SweepFs fs, Path home) {
    List<Path> venvs = new ArrayList<>();
    List<Path> envs = new ArrayList<>();
    Walker.walk(fs, home, DEPTH, (p, a, depth) -> {
      String name = Walker.name(p);
      if (a.isDirectory()) {
        if (fs.isFile(p.resolve("pyvenv.cfg"))) {
          venvs.add(p);
          return false;
        }
        if (depth == 1 && name.startsWith(".")) {
          return HIDDEN_VENV_HOMES.contains(name);
        }
        return !Walker.BULKY.contains(name) && !SKIP.contains(name);
      }
      if (a.isRegularFile() && envs.size() < MAX_ENV && depth > 1 && isEnvFile(name)) {
        envs.add(p);
      }
      return false;
    });
    venvs.addAll(fs.list(home.resolve(".cache/pypoetry/virtualenvs")));
    return new Result(venvs.stream().sorted().distinct().toList(), envs.stream().sorted().toList());
  }

  static boolean isEnvFile(String name) {
    return (name.equals(".env") || name.startsWith(".env."))
        && !name.endsWith(".example") && !name.endsWith(".sample") && !name.endsWith(".template");
  }
}
