package dev.bulwark.cli;

import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Verdict;
import dev.bulwark.registry.CheckConsole;
import dev.bulwark.registry.CheckResult;
import dev.bulwark.registry.InstallGuard;
import dev.bulwark.registry.ProcessCommandRunner;
import dev.bulwark.registry.RegistryException;
import java.io.IOException;
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
 * {@code bulwark npm install ARGS} and {@code bulwark pip install ARGS}: resolve what the install
 * would add without running package code, check each new or changed package, then block with an
 * explanation or run the real command with the arguments unchanged.
 */
final class InstallGuardCommand {
  private InstallGuardCommand() {}

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

  @Command(name = "npm", mixinStandardHelpOptions = true, description = {
      "Guards `npm install`: plans it with --package-lock-only --ignore-scripts in a temporary copy,",
      "checks every new or changed package, then runs `npm ARGS` unchanged or blocks.",
      "Bulwark options go before `install`: bulwark npm --yes install left-pad"})
  static final class Npm implements Callable<Integer> {
    private final Env env;
    @Mixin GuardOptions options = new GuardOptions();

    Npm(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return new Run(env, Ecosystem.NPM, options).call();
    }
  }

  @Command(name = "pip", mixinStandardHelpOptions = true, description = {
      "Guards `pip install`: plans it with --dry-run --report (wheels only, so no setup.py runs),",
      "checks every package it would install, then runs `pip ARGS` unchanged or blocks.",
      "Bulwark options go before `install`: bulwark pip --yes install requests"})
  static final class Pip implements Callable<Integer> {
    private final Env env;
    @Mixin GuardOptions options = new GuardOptions();

    Pip(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return new Run(env, Ecosystem.PYPI, options).call();
    }
  }

  /** The options both guards share. */
  static final class GuardOptions {
    @Parameters(paramLabel = "ARGS", arity = "1..*", preprocessor = Rest.class,
        description = "`install` and the package manager's own arguments.")
    List<String> args = new ArrayList<>();

    @Mixin CheckOptions check = new CheckOptions();

    @Option(names = "--yes", description = "Proceed with suspicious packages without asking (malicious ones still block).")
    boolean yes;

    @Option(names = "--db", paramLabel = "PATH", description = "Advisory database (default: the user cache).")
    java.nio.file.Path db;
  }

  /** One guarded install: plan, check, then block or run the real command. */
  private static final class Run {
    private final Env env;
    private final Ecosystem ecosystem;
    private final List<String> args;
    private final CheckOptions check;
    private final GuardOptions options;

    Run(Env env, Ecosystem ecosystem, GuardOptions options) {
      this.env = env;
      this.ecosystem = ecosystem;
      this.options = options;
      this.args = options.args;
      this.check = options.check;
    }

    int call() {
      String tool = ecosystem == Ecosystem.NPM ? "npm" : "pip";
      Set<String> installs = ecosystem == Ecosystem.NPM ? Set.of("install", "i", "add") : Set.of("install");
      if (args.isEmpty() || !installs.contains(args.get(0))) {
        env.err().println("bulwark " + tool + ": only `" + tool + " install` is guarded; run " + tool
            + " directly for anything else.");
        return ExitCode.USAGE.code;
      }
      try {
        check.validate();
        InstallGuard.Decision d;
        try (Databases.Opened opened = Databases.openForReading(options.db, env, true)) {
          Optional<AdvisoryLookup> lookup = Optional.of(opened.lookup());
          InstallGuard guard = new InstallGuard(check.checker(env, Set.of(ecosystem), lookup,
              dev.bulwark.scan.Catalogs.load(List.of())),
              new ProcessCommandRunner(env.cwd(), 32 << 20), check.strict);
          List<String> rest = args.subList(1, args.size());
          d = ecosystem == Ecosystem.NPM ? guard.npm(env.cwd(), rest) : guard.pip(rest);
        }
        return decide(tool, d);
      } catch (OutputOptions.UsageError e) {
        env.err().println("bulwark " + tool + ": " + e.getMessage());
        return ExitCode.USAGE.code;
      } catch (RegistryException | Databases.DatabaseError e) {
        env.err().println("bulwark " + tool + ": blocked: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }

    private int decide(String tool, InstallGuard.Decision d) {
      List<CheckResult> shown = d.checks().stream().filter(r -> r.verdict() != Verdict.CLEAN
          || r.incomplete()).toList();
      env.err().println("bulwark: " + d.planned().size() + " new or changed package(s) checked, "
          + shown.size() + " need attention.");
      CheckConsole.render(shown, false, env.err());
      if (d.block()) {
        env.err().println("bulwark: blocked: `" + tool + " " + String.join(" ", args)
            + "` was not run. Remove the packages above, or check them yourself.");
        return ExitCode.FINDINGS.code;
      }
      boolean attention = !shown.isEmpty();
      if (attention && !options.yes && !confirm()) {
        env.err().println("bulwark: not run. Pass --yes to proceed with suspicious packages.");
        return ExitCode.FINDINGS.code;
      }
      return exec(tool);
    }

    private boolean confirm() {
      if (!env.tty() || System.console() == null) {
        return false;
      }
      String answer = System.console().readLine("Proceed anyway? [y/N] ");
      return answer != null && answer.strip().equalsIgnoreCase("y");
    }

    /** Runs the user's own command, unchanged, with the terminal attached. */
    private int exec(String tool) {
      List<String> cmd = new ArrayList<>();
      cmd.add(tool);
      cmd.addAll(args);
      try {
        Process p = new ProcessBuilder(cmd).directory(env.cwd().toFile()).inheritIO().start();
        return p.waitFor();
      } catch (IOException e) {
        env.err().println("bulwark: cannot run " + tool + ": " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExitCode.INCOMPLETE.code;
      }
    }
  }
}
