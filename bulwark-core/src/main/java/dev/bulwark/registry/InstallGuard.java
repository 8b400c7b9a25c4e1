package dev.bulwark.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works out what an npm, yarn, pnpm or pip install would add, without running any package code,
 * and checks every new or changed package, several at a time. npm, yarn and pnpm: see
 * {@link LockfilePlanner}; {@code npm ci}: the lockfile against {@code node_modules/.package-lock.json}
 * (nothing is run); pip: {@code pip install --dry-run --only-binary=:all: --report - ARGS}
 * (binary only, so that no setup.py is executed while resolving).
 */
public final class InstallGuard {
  private static final Duration PLAN_TIMEOUT = Duration.ofMinutes(5);
  /** Default concurrency: checks wait on the network as much as on the CPU. */
  public static final int DEFAULT_JOBS = 8;

  /** The checked plan: every planned package and its check, in plan order. */
  public record Decision(List<PlannedPackage> planned, List<CheckResult> checks, boolean block) {
    public Decision {
      planned = List.copyOf(planned);
      checks = List.copyOf(checks);
    }
  }

  private final Checker checker;
  private final CommandRunner runner;
  private final boolean strict;
  private final boolean allowUnchecked;
  private final int jobs;

  public InstallGuard(Checker checker, CommandRunner runner, boolean strict) {
    this(checker, runner, strict, DEFAULT_JOBS);
  }

  /** {@code jobs}: how many packages are checked at once (at least 1). */
  public InstallGuard(Checker checker, CommandRunner runner, boolean strict, int jobs) {
    this(checker, runner, strict, false, jobs);
  }

  /**
   * {@code allowUnchecked}: a package whose check could not complete ({@link CheckVerdict#UNKNOWN})
   * does not block the install (it blocks by default).
   */
  public InstallGuard(Checker checker, CommandRunner runner, boolean strict, boolean allowUnchecked,
      int jobs) {
    this.checker = checker;
    this.runner = runner;
    this.strict = strict;
    this.allowUnchecked = allowUnchecked;
    this.jobs = Math.max(1, jobs);
  }

  /** {@code npm install ARGS} with npm from PATH. */
  public Decision npm(Path project, List<String> args) throws RegistryException {
    List<String> all = new ArrayList<>(List.of("install"));
    all.addAll(args);
    return plan(PackageManager.NPM, "npm", project, all);
  }

  /** {@code pip install ARGS} with pip from PATH. */
  public Decision pip(List<String> args) throws RegistryException {
    return pip("pip", args);
  }

  /**
   * Plans and checks one package-manager command. {@code args} are the user's arguments, starting
   * with the subcommand; {@code executable} is the package manager to run (a name or a path).
   */
  public Decision plan(PackageManager pm, String executable, Path project, List<String> args)
      throws RegistryException {
    PackageManager.Plan how = pm.plan(args).orElseThrow(() -> new RegistryException(
        "`" + pm.command() + " " + String.join(" ", args) + "` installs nothing to check"));
    return switch (how) {
      case LOCKFILE -> decide(new LockfilePlanner(runner).plan(pm, executable, project, args));
      case INSTALLED -> decide(installed(project));
      case DRY_RUN -> pip(executable, args.subList(1, args.size()));
    };
  }

  private Decision pip(String executable, List<String> args) throws RegistryException {
    List<String> cmd = new ArrayList<>(List.of(executable, "install", "--dry-run", "--quiet",
        "--only-binary=:all:", "--report", "-"));
    cmd.addAll(args);
    String report = runner.run(cmd, PLAN_TIMEOUT).orElseThrow(() -> new RegistryException(
        "`pip install --dry-run --only-binary=:all:` failed: the plan could not be resolved from"
            + " wheels alone (resolving sdists would run their setup code)"));
    return decide(InstallPlans.pipReport(report));
  }

  /** {@code npm ci}: what the lockfile holds that node_modules does not, at that version. */
  private static List<PlannedPackage> installed(Path project) throws RegistryException {
    try {
      String lock = LockfilePlanner.read(project.resolve("package-lock.json"));
      if (lock.isBlank()) {
        throw new RegistryException("`npm ci` needs a package-lock.json");
      }
      return InstallPlans.npmLockDiff(
          LockfilePlanner.read(project.resolve("node_modules").resolve(".package-lock.json")), lock);
    } catch (IOException e) {
      throw new RegistryException("cannot read the lockfile: " + e.getMessage(), e);
    }
  }

  /**
   * Checks every planned package, {@code jobs} at a time; blocks on a malicious one, on one that
   * could not be checked (unless unchecked packages are allowed) and, when strict, on a suspicious
   * one. Results keep the plan's order.
   */
  public Decision decide(List<PlannedPackage> planned) {
    List<CheckResult> checks = new ArrayList<>();
    int threads = Math.min(jobs, Math.max(1, planned.size()));
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bulwark-guard-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<CheckResult>> futures = new ArrayList<>();
      for (PlannedPackage p : planned) {
        futures.add(pool.submit(() -> checker.check(CheckTarget.parse(p.target()))));
      }
      for (int i = 0; i < futures.size(); i++) {
        checks.add(result(futures.get(i), planned.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    boolean block = checks.stream().anyMatch(r -> r.verdict() == CheckVerdict.MALICIOUS
        || !allowUnchecked && r.verdict() == CheckVerdict.UNKNOWN
        || strict && r.verdict() == CheckVerdict.SUSPICIOUS);
    return new Decision(planned, checks, block);
  }

  private CheckResult result(Future<CheckResult> f, PlannedPackage p) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(p, "interrupted");
    } catch (ExecutionException e) {
      // A bug in one check must not hide the others; the package counts as not checked.
      return failed(p, "the check failed: " + e.getCause());
    }
  }

  private static CheckResult failed(PlannedPackage p, String why) {
    CheckTarget t = new CheckTarget(p.target(), p.ecosystem(), p.name(), p.version());
    return Verdicts.decide(t, "", "", List.of(), java.util.Optional.empty(),
        List.of(), List.of(new dev.bulwark.model.Problem("check-error", why,
            dev.bulwark.model.SourceLocation.of(p.target()))));
  }
}
