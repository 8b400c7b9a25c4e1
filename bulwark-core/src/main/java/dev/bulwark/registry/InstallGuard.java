package dev.bulwark.registry;

import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Works out what {@code npm install ARGS} or {@code pip install ARGS} would add, without running
 * any package code, and checks every new or changed package. npm: runs
 * {@code npm install --package-lock-only --ignore-scripts ARGS} in a temporary copy of the
 * project's manifest, lockfile and .npmrc, then compares lockfiles. pip: runs
 * {@code pip install --dry-run --only-binary=:all: --report - ARGS} (binary only, so that no
 * setup.py is executed while resolving).
 */
public final class InstallGuard {
  private static final Duration PLAN_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", ".npmrc");

  /** The checked plan: every planned package and its check. */
  public record Decision(List<PlannedPackage> planned, List<CheckResult> checks, boolean block) {
    public Decision {
      planned = List.copyOf(planned);
      checks = List.copyOf(checks);
    }
  }

  private final Checker checker;
  private final CommandRunner runner;
  private final boolean strict;

  public InstallGuard(Checker checker, CommandRunner runner, boolean strict) {
    this.checker = checker;
    this.runner = runner;
    this.strict = strict;
  }

  public Decision npm(Path project, List<String> args) throws RegistryException {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("bulwark-plan");
      for (String f : PROJECT_FILES) {
        Path src = project.resolve(f);
        if (Files.isRegularFile(src)) {
          Files.copy(src, tmp.resolve(f));
        }
      }
      String before = read(project.resolve("package-lock.json"));
      List<String> cmd = new ArrayList<>(List.of("npm", "install", "--package-lock-only",
          "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", tmp.toString()));
      cmd.addAll(args);
      runner.run(cmd, PLAN_TIMEOUT).orElseThrow(() -> new RegistryException(
          "`npm install --package-lock-only --ignore-scripts` failed: the plan could not be resolved"));
      return decide(InstallPlans.npmLockDiff(before, read(tmp.resolve("package-lock.json"))));
    } catch (IOException e) {
      throw new RegistryException("cannot prepare the install plan: " + e.getMessage(), e);
    } finally {
      delete(tmp);
    }
  }

  public Decision pip(List<String> args) throws RegistryException {
    List<String> cmd = new ArrayList<>(List.of("pip", "install", "--dry-run", "--quiet",
        "--only-binary=:all:", "--report", "-"));
    cmd.addAll(args);
    String report = runner.run(cmd, PLAN_TIMEOUT).orElseThrow(() -> new RegistryException(
        "`pip install --dry-run --only-binary=:all:` failed: the plan could not be resolved from"
            + " wheels alone (resolving sdists would run their setup code)"));
    return decide(InstallPlans.pipReport(report));
  }

  /** Checks every planned package; blocks on a malicious one (or suspicious, when strict). */
  public Decision decide(List<PlannedPackage> planned) {
    List<CheckResult> checks = new ArrayList<>();
    boolean block = false;
    for (PlannedPackage p : planned) {
      CheckResult r = checker.check(CheckTarget.parse(p.target()));
      checks.add(r);
      block |= r.verdict() == Verdict.MALICIOUS || strict && r.verdict() == Verdict.SUSPICIOUS;
    }
    return new Decision(planned, checks, block);
  }

  private static String read(Path f) throws IOException {
    return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder holds only manifests; nothing to report.
    }
  }

}
