package dev.bulwark.cli;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.registry.CheckConsole;
import dev.bulwark.registry.CheckResult;
import dev.bulwark.registry.CheckVerdict;
import dev.bulwark.registry.InstallGuard;
import dev.bulwark.registry.PackageManager;
import dev.bulwark.registry.ProcessCommandRunner;
import dev.bulwark.registry.RegistryException;
import dev.bulwark.registry.ScanCache;
import dev.bulwark.scan.Catalogs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark npm|yarn|pnpm|pip ARGS}: for a command that installs packages, resolve what it
 * would add without running package code, check each new or changed package, then block with an
 * explanation or run the real command with the arguments unchanged. Any other command runs
 * straight away, so each guard works as a shell alias ({@code alias npm='bulwark npm'}).
 */
final class InstallGuardCommand {
  private InstallGuardCommand() {}

  /** The guard commands; Main lets unknown options through to them as arguments. */
  static final List<String> NAMES = List.of("npm", "yarn", "pnpm", "pip");

  /** Takes every remaining argument as-is, so the package manager's own options pass through. */
  static final class Rest implements CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandLine.Model.CommandSpec spec,
        CommandLine.Model.ArgSpec argSpec, Map<String, Object> info) {
      List<String> all = new ArrayList<>();
      while (!args.isEmpty()) {
        all.add(args.pop());
      }
      argSpec.setValue(all);
      return true;
    }
  }

  @Command(name = "npm", description = {
      "Guards npm install|i|add|update and npm ci: plans them with --package-lock-only",
      "--ignore-scripts in a temporary copy (ci: the lockfile against node_modules), checks every",
      "new or changed package, then runs `npm ARGS` unchanged or blocks. Other npm commands run",
      "unchanged, so `alias npm='bulwark npm'` works. Bulwark options go first:",
      "bulwark npm --yes install left-pad"})
  static final class Npm extends Guard {
    Npm(Env env) {
      super(env, PackageManager.NPM);
    }
  }

  @Command(name = "yarn", description = {
      "Guards yarn, yarn install|add|up|upgrade: yarn 2+ plans with --mode=update-lockfile, yarn 1",
      "with --ignore-scripts, both in a temporary copy; checks every new or changed package in",
      "yarn.lock, then runs `yarn ARGS` unchanged or blocks. Other yarn commands run unchanged,",
      "so `alias yarn='bulwark yarn'` works."})
  static final class Yarn extends Guard {
    Yarn(Env env) {
      super(env, PackageManager.YARN);
    }
  }

  @Command(name = "pnpm", description = {
      "Guards pnpm install|i|add|update|up: plans with --lockfile-only --ignore-scripts in a",
      "temporary copy, checks every new or changed package in pnpm-lock.yaml, then runs",
      "`pnpm ARGS` unchanged or blocks. Other pnpm commands run unchanged, so",
      "`alias pnpm='bulwark pnpm'` works."})
  static final class Pnpm extends Guard {
    Pnpm(Env env) {
      super(env, PackageManager.PNPM);
    }
  }

  @Command(name = "pip", description = {
      "Guards `pip install`: plans it with --dry-run --report (wheels only, so no setup.py runs),",
      "checks every package it would install, then runs `pip ARGS` unchanged or blocks. Other",
      "pip commands run unchanged. Bulwark options go first: bulwark pip --yes install requests"})
  static final class Pip extends Guard {
    Pip(Env env) {
      super(env, PackageManager.PIP);
    }
  }

  /**
   * What every guard command is: its options, and a {@link Run} of its package manager. Picocli
   * reads a command's name and help from its class's annotation, so each guard is a class of its
   * own that names only its package manager; they share this base and nothing else.
   */
  abstract static class Guard implements Callable<Integer> {
    private final Env env;
    private final PackageManager pm;
    @Mixin GuardOptions options = new GuardOptions();

    Guard(Env env, PackageManager pm) {
      this.env = env;
      this.pm = pm;
    }

    @Override
    public final Integer call() {
      return new Run(env, pm, options).call();
    }
  }

  /** The options every guard shares. */
  static final class GuardOptions {
    @Parameters(paramLabel = "ARGS", arity = "0..*", preprocessor = Rest.class,
        description = "The package manager's own subcommand and arguments, passed on unchanged.")
    List<String> args = new ArrayList<>();

    @Mixin CheckOptions check = new CheckOptions();

    @Option(names = "--yes", description = "Proceed with suspicious packages without asking (malicious ones still block).")
    boolean yes;

    @Option(names = "--allow-unchecked", description = {
        "Proceed when a package could not be checked (registry unreachable, not found, broken",
        "answer…). By default such a package blocks the install."})
    boolean allowUnchecked;

    @Option(names = "--db", paramLabel = "PATH", description = "Advisory database (default: the user cache).")
    Path db;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "8",
        description = "Packages checked at once (default: 8).")
    int jobs;
  }

  /** One guarded command: plan, check, then block or run the real command. */
  private static final class Run {
    private final Env env;
    private final PackageManager pm;
    private final List<String> args;
    private final CheckOptions check;
    private final GuardOptions options;

    Run(Env env, PackageManager pm, GuardOptions options) {
      this.env = env;
      this.pm = pm;
      this.options = options;
      this.args = options.args;
      this.check = options.check;
    }

    int call() {
      Optional<Path> exe = onPath(pm.command(), env);
      if (exe.isEmpty()) {
        env.err().println("bulwark " + pm.command() + ": " + pm.command()
            + " is not installed (not found on PATH).");
        return ExitCode.USAGE.code;
      }
      if (pm.plan(args).isEmpty()) {
        return exec(exe.get()); // installs nothing: a plain pass-through
      }
      try {
        check.validate();
        if (options.jobs < 1) {
          throw new OutputOptions.UsageError("--jobs must be at least 1");
        }
        return decide(exe.get(), guard(exe.get()));
      } catch (OutputOptions.UsageError e) {
        env.err().println("bulwark " + pm.command() + ": " + e.getMessage());
        return ExitCode.USAGE.code;
      } catch (RegistryException | Databases.DatabaseError e) {
        env.err().println("bulwark " + pm.command() + ": blocked: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }

    private InstallGuard.Decision guard(Path exe) throws RegistryException, Databases.DatabaseError {
      Ecosystem eco = pm == PackageManager.PIP ? Ecosystem.PYPI : Ecosystem.NPM;
      LazyAnalyzer analyzer = new LazyAnalyzer();
      try (Databases.Opened opened = Databases.openForReading(options.db, env, true);
          ScanCache scans = check.scanCache(env, options.db, analyzer::catalog)) {
        Optional<AdvisoryLookup> lookup = Optional.of(opened.lookup());
        InstallGuard guard = new InstallGuard(
            check.checker(env, Set.of(eco), lookup, analyzer).withScanCache(scans),
            new ProcessCommandRunner(env.cwd(), 32 << 20, true), check.strict, options.allowUnchecked,
            options.jobs);
        return guard.plan(pm, exe.toString(), env.cwd(), args);
      }
    }

    private int decide(Path exe, InstallGuard.Decision d) {
      List<CheckResult> shown = d.checks().stream().filter(r -> r.verdict() != CheckVerdict.CLEAN
          || r.incomplete()).toList();
      env.err().println("bulwark: " + d.planned().size() + " new or changed package(s) checked, "
          + shown.size() + " need attention.");
      CheckConsole.render(shown, false, env.err());
      if (d.block()) {
        boolean found = d.checks().stream().anyMatch(r -> r.verdict() == CheckVerdict.MALICIOUS
            || check.strict && r.verdict() == CheckVerdict.SUSPICIOUS);
        env.err().println("bulwark: blocked: `" + pm.command() + " " + String.join(" ", args)
            + "` was not run. " + (found ? "Remove the packages above, or check them yourself."
            : "Some packages could not be checked; retry, check them yourself, or pass"
                + " --allow-unchecked to install them unchecked."));
        return found ? ExitCode.FINDINGS.code : ExitCode.INCOMPLETE.code;
      }
      boolean attention = shown.stream().anyMatch(r -> !(options.allowUnchecked
          && r.verdict() == CheckVerdict.UNKNOWN));
      if (attention && !options.yes && !confirm()) {
        env.err().println("bulwark: not run. Pass --yes to proceed with suspicious packages.");
        return ExitCode.FINDINGS.code;
      }
      return exec(exe);
    }

    private boolean confirm() {
      if (!env.tty() || System.console() == null) {
        return false;
      }
      String answer = System.console().readLine("Proceed anyway? [y/N] ");
      return answer != null && answer.strip().equalsIgnoreCase("y");
    }

    /** Runs the user's own command, unchanged, with the terminal attached; returns its exit code. */
    private int exec(Path exe) {
      List<String> cmd = new ArrayList<>();
      cmd.add(exe.toString());
      cmd.addAll(args);
      try {
        Process p = new ProcessBuilder(cmd).directory(env.cwd().toFile()).inheritIO().start();
        return p.waitFor();
      } catch (IOException e) {
        env.err().println("bulwark: cannot run " + pm.command() + ": " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExitCode.INCOMPLETE.code;
      }
    }
  }

  /**
   * Loads the rules on the first scan: when every planned package's scan is cached, a guarded
   * install never pays for compiling the rule set.
   */
  private static final class LazyAnalyzer implements PackageAnalyzer {
    private RuleCatalog catalog;
    private StaticAnalyzer analyzer;

    synchronized RuleCatalog catalog() {
      if (catalog == null) {
        catalog = Catalogs.load(List.of());
      }
      return catalog;
    }

    private synchronized StaticAnalyzer analyzer() {
      if (analyzer == null) {
        analyzer = new StaticAnalyzer(catalog());
      }
      return analyzer;
    }

    @Override
    public ScanResult analyze(Artifact artifact) {
      return analyzer().analyze(artifact);
    }
  }

  /**
   * The executable named {@code name} in the PATH the command was given (not an alias: the shell
   * expands aliases only for what the user types, so the real package manager is found).
   */
  static Optional<Path> onPath(String name, Env env) {
    String path = env.vars().getOrDefault("PATH", env.vars().getOrDefault("Path", ""));
    // Windows finds npm.cmd or pip.exe for "npm" and "pip" through PATHEXT.
    List<String> exts = new ArrayList<>(List.of(""));
    if (File.pathSeparatorChar == ';') {
      exts.addAll(List.of(env.vars().getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD").toLowerCase(
          java.util.Locale.ROOT).split(";")));
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String ext : exts) {
        Path f = dir.isEmpty() ? null : Path.of(dir).resolve(name + ext);
        if (f != null && Files.isRegularFile(f) && Files.isExecutable(f)) {
          return Optional.of(f.toAbsolutePath());
        }
      }
    }
    return Optional.empty();
  }
}
