package dev.bulwark.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package managers the install guard wraps, the lockfile each writes, and which of their
 * subcommands install packages (and so are planned and checked first). Every other subcommand
 * passes straight through, so that {@code alias npm='bulwark npm'} keeps npm fully usable.
 */
public enum PackageManager {
  NPM("npm", "package-lock.json", Map.ofEntries(Map.entry("install", Plan.LOCKFILE),
      Map.entry("i", Plan.LOCKFILE), Map.entry("in", Plan.LOCKFILE), Map.entry("add", Plan.LOCKFILE),
      Map.entry("isntall", Plan.LOCKFILE), Map.entry("install-test", Plan.LOCKFILE),
      Map.entry("it", Plan.LOCKFILE), Map.entry("update", Plan.LOCKFILE), Map.entry("up", Plan.LOCKFILE),
      Map.entry("upgrade", Plan.LOCKFILE), Map.entry("ci", Plan.INSTALLED),
      Map.entry("clean-install", Plan.INSTALLED), Map.entry("ic", Plan.INSTALLED),
      Map.entry("install-clean", Plan.INSTALLED))),
  YARN("yarn", "yarn.lock", Map.of("", Plan.LOCKFILE, "install", Plan.LOCKFILE, "add", Plan.LOCKFILE,
      "up", Plan.LOCKFILE, "upgrade", Plan.LOCKFILE)),
  PNPM("pnpm", "pnpm-lock.yaml", Map.of("install", Plan.LOCKFILE, "i", Plan.LOCKFILE,
      "add", Plan.LOCKFILE, "update", Plan.LOCKFILE, "up", Plan.LOCKFILE)),
  PIP("pip", "", Map.of("install", Plan.DRY_RUN));

  /** How an install is planned without running package code. */
  public enum Plan {
    /** Resolve into a lockfile in a temporary copy of the project, then diff lockfiles. */
    LOCKFILE,
    /** {@code npm ci}: the lockfile against what node_modules holds; nothing is run. */
    INSTALLED,
    /** {@code pip install --dry-run --report}. */
    DRY_RUN
  }

  private final String command;
  private final String lockfile;
  private final Map<String, Plan> guarded;

  PackageManager(String command, String lockfile, Map<String, Plan> guarded) {
    this.command = command;
    this.lockfile = lockfile;
    this.guarded = guarded;
  }

  /** The executable's name on PATH. */
  public String command() {
    return command;
  }

  /** The lockfile it writes ("" for pip). */
  public String lockfile() {
    return lockfile;
  }

  /** The guarded subcommands, sorted (for help and messages). */
  public List<String> guardedSubcommands() {
    return guarded.keySet().stream().filter(s -> !s.isEmpty()).sorted().toList();
  }

  /**
   * The subcommand in the user's arguments: the first one that is not an option ("" when there is
   * none, which yarn reads as install).
   */
  public static String subcommand(List<String> args) {
    return args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
  }

  /**
   * How to plan these arguments, or empty when they install nothing and pass through (other
   * subcommands, and any request for help).
   */
  public Optional<Plan> plan(List<String> args) {
    if (args.stream().anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
      return Optional.empty();
    }
    return Optional.ofNullable(guarded.get(subcommand(args)));
  }
}
