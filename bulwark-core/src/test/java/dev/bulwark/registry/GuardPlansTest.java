package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The yarn, pnpm and npm ci guards with fake package managers that write canned lockfiles into
 * the temporary project copy; nothing is installed and no real package manager runs.
 */
class GuardPlansTest {
  @BeforeAll
  static void start() throws Exception {
    CheckerTest.start();
  }

  @AfterAll
  static void stop() {
    CheckerTest.stop();
  }

  /** A fake package manager: answers --version, else writes {@code lock} as {@code file} in its folder. */
  static final class FakePm implements CommandRunner {
    final List<List<String>> ran = new ArrayList<>();
    final List<Path> dirs = new ArrayList<>();
    final String version;
    final String file;
    final String lock;
    private final Path dir;

    FakePm(String version, String file, String lock) {
      this(version, file, lock, Path.of("."), new ArrayList<>(), new ArrayList<>());
    }

    private FakePm(String version, String file, String lock, Path dir, List<List<String>> ran,
        List<Path> dirs) {
      this.version = version;
      this.file = file;
      this.lock = lock;
      this.dir = dir;
      this.ran.addAll(ran);
      this.dirs.addAll(dirs);
    }

    @Override
    public CommandRunner in(Path d) {
      dirs.add(d);
      FakePm parent = this;
      return (cmd, timeout) -> parent.run(cmd, d);
    }

    @Override
    public Optional<String> run(List<String> cmd, Duration timeout) {
      return run(cmd, dir);
    }

    Optional<String> run(List<String> cmd, Path where) {
      ran.add(cmd);
      if (cmd.contains("--version")) {
        return Optional.of(version);
      }
      if (lock.isEmpty()) {
        return Optional.empty();
      }
      try {
        Files.writeString(where.resolve(file), InstallGuardTest.data(lock));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Optional.of("");
    }
  }

  static Stream<Arguments> diffs() {
    return Stream.of(
        Arguments.of("yarn.lock", "yarn-classic-before.lock", "yarn-classic-after.lock",
            List.of("evil-hooks@1.0.0", "steady-clock@2.0.0")),
        Arguments.of("yarn.lock", "", "yarn-berry-after.lock",
            List.of("quiet-lantern@1.1.0", "steady-clock@2.0.0")),
        Arguments.of("pnpm-lock.yaml", "pnpm-before.yaml", "pnpm-after.yaml",
            List.of("evil-hooks@1.0.0", "steady-clock@2.0.0")),
        Arguments.of("package-lock.json", "installed-lock.json", "before-lock.json",
            List.of("quiet-lantern@1.1.0")),
        Arguments.of("pnpm-lock.yaml", "pnpm-after.yaml", "pnpm-after.yaml", List.of()));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("diffs")
  void lockDiffReadsEveryNpmLockfileFormat(String file, String before, String after,
      List<String> expected) throws Exception {
    List<PlannedPackage> plan = InstallPlans.lockDiff(file,
        before.isEmpty() ? "" : InstallGuardTest.data(before), InstallGuardTest.data(after));
    assertThat(plan).extracting(p -> p.name() + "@" + p.version()).containsExactlyElementsOf(expected);
    assertThat(plan).allMatch(p -> p.ecosystem() == Ecosystem.NPM);
  }

  @Test
  void unreadablePlannedLockfileIsAnError() {
    assertThatThrownBy(() -> InstallPlans.lockDiff("pnpm-lock.yaml", "", "{{{ not: [yaml"))
        .isInstanceOf(RegistryException.class).hasMessageContaining("pnpm-lock.yaml");
  }

  @ParameterizedTest(name = "{0} {1} (version {2})")
  @CsvSource(delimiter = '|', textBlock = """
      YARN | add evil-hooks     | 1.22.22 | yarn-classic-before.lock | yarn-classic-after.lock | --ignore-scripts      | true
      YARN | add steady-clock   | 4.5.0   | yarn-classic-before.lock | yarn-berry-after.lock   | --mode=update-lockfile | false
      YARN | ''                 | 4.5.0   | ''                       | yarn-berry-after.lock   | --mode=update-lockfile | false
      PNPM | add evil-hooks     | 9.15.0  | pnpm-before.yaml         | pnpm-after.yaml         | --lockfile-only       | true
      NPM  | i -D evil-hooks    | 10.9.0  | before-lock.json         | after-lock.json         | --package-lock-only   | true
      """)
  void lockfileGuardsPlanInACopyWithoutScriptsAndCheckTheDiff(PackageManager pm, String args,
      String version, String before, String after, String flag, boolean block, @TempDir Path project)
      throws Exception {
    Files.writeString(project.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    if (!before.isEmpty()) {
      Files.writeString(project.resolve(pm.lockfile()), InstallGuardTest.data(before));
    }
    String original = before.isEmpty() ? "" : Files.readString(project.resolve(pm.lockfile()));
    FakePm fake = new FakePm(version, pm.lockfile(), after);
    List<String> argv = args.isEmpty() ? List.of() : Arrays.asList(args.split(" "));
    InstallGuard.Decision d = new InstallGuard(CheckerTest.checker(Optional.empty()), fake, false, 3)
        .plan(pm, "/opt/fake/" + pm.command(), project, argv);
    List<String> plan = fake.ran.get(fake.ran.size() - 1);
    assertThat(plan.get(0)).isEqualTo("/opt/fake/" + pm.command());
    assertThat(plan).contains(flag).containsAll(argv);
    if (pm == PackageManager.YARN && argv.isEmpty()) {
      assertThat(plan).contains("install");
    }
    assertThat(fake.dirs).isNotEmpty().noneMatch(project::equals);
    assertThat(d.block()).isEqualTo(block);
    assertThat(d.checks()).extracting(CheckResult::name)
        .containsExactlyElementsOf(d.planned().stream().map(PlannedPackage::name).toList());
    if (block) {
      assertThat(d.checks()).anyMatch(r -> r.name().equals("evil-hooks") && r.verdict() == CheckVerdict.MALICIOUS);
    }
    assertThat(before.isEmpty() ? Files.exists(project.resolve(pm.lockfile()))
        : !Files.readString(project.resolve(pm.lockfile())).equals(original)).isFalse();
    assertThat(fake.dirs).allMatch(dir -> !Files.exists(dir));
  }

  @Test
  void npmCiChecksWhatTheLockfileAddsToNodeModulesWithoutRunningAnything(@TempDir Path project)
      throws Exception {
    Files.writeString(project.resolve("package-lock.json"), InstallGuardTest.data("after-lock.json"));
    Files.createDirectories(project.resolve("node_modules"));
    Files.writeString(project.resolve("node_modules/.package-lock.json"),
        InstallGuardTest.data("before-lock.json"));
    FakePm fake = new FakePm("10.9.0", "package-lock.json", "");
    InstallGuard.Decision d = new InstallGuard(CheckerTest.checker(Optional.empty()), fake, false)
        .plan(PackageManager.NPM, "npm", project, List.of("ci"));
    assertThat(fake.ran).isEmpty();
    assertThat(d.planned()).extracting(PlannedPackage::name).containsExactly("evil-hooks", "steady-clock");
    assertThat(d.block()).isTrue();
    Files.delete(project.resolve("package-lock.json"));
    assertThatThrownBy(() -> new InstallGuard(CheckerTest.checker(Optional.empty()), fake, false)
        .plan(PackageManager.NPM, "npm", project, List.of("ci"))).hasMessageContaining("package-lock.json");
  }

  @Test
  void failedPlanAndPassThroughCommandsAreErrors(@TempDir Path project) throws Exception {
    Files.writeString(project.resolve("package.json"), "{}");
    InstallGuard g = new InstallGuard(CheckerTest.checker(Optional.empty()),
        new FakePm("9.0.0", "pnpm-lock.yaml", ""), false);
    assertThatThrownBy(() -> g.plan(PackageManager.PNPM, "pnpm", project, List.of("add", "x")))
        .isInstanceOf(RegistryException.class).hasMessageContaining("could not be resolved");
    assertThatThrownBy(() -> g.plan(PackageManager.PNPM, "pnpm", project, List.of("run", "build")))
        .hasMessageContaining("installs nothing");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      NPM  | install left-pad        | LOCKFILE
      NPM  | --loglevel=warn i x     | LOCKFILE
      NPM  | ci                      | INSTALLED
      NPM  | run build               | ''
      NPM  | install -h              | ''
      NPM  | ''                      | ''
      YARN | ''                      | LOCKFILE
      YARN | --frozen-lockfile       | LOCKFILE
      YARN | add react               | LOCKFILE
      YARN | --help                  | ''
      YARN | run test                | ''
      PNPM | add -D vitest           | LOCKFILE
      PNPM | dlx cowsay              | ''
      PIP  | install requests        | DRY_RUN
      PIP  | freeze                  | ''
      PIP  | install --help          | ''
      """)
  void onlyInstallingSubcommandsAreGuarded(PackageManager pm, String args, String plan) {
    List<String> argv = args.isEmpty() ? List.of() : Arrays.asList(args.split(" "));
    assertThat(pm.plan(argv).map(Enum::name).orElse("")).isEqualTo(plan);
  }
}
