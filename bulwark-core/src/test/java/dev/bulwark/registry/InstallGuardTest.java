package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install guard with a fake package manager: nothing is installed and no npm or pip runs. */
class InstallGuardTest {
  @BeforeAll
  static void start() throws Exception {
    CheckerTest.start();
  }

  @AfterAll
  static void stop() {
    CheckerTest.stop();
  }

  static String data(String name) {
    try (InputStream in = InstallGuardTest.class.getResourceAsStream("testdata/plan/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void lockDiffListsOnlyNewOrChangedRegistryPackages() throws Exception {
    assertThat(InstallPlans.npmLockDiff(data("before-lock.json"), data("after-lock.json"))).containsExactly(
        new PlannedPackage(Ecosystem.NPM, "evil-hooks", "1.0.0"),
        new PlannedPackage(Ecosystem.NPM, "steady-clock", "2.0.0"));
    assertThat(InstallPlans.pipReport(data("pip-report.json"))).containsExactly(
        new PlannedPackage(Ecosystem.PYPI, "quiet-lantern", "1.0.0"));
    assertThatThrownBy(() -> InstallPlans.pipReport("{not json")).isInstanceOf(RegistryException.class);
  }

  @Test
  void npmPlanWithAMaliciousPackageIsBlocked(@TempDir Path project) throws Exception {
    Files.writeString(project.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    Files.writeString(project.resolve("package-lock.json"), data("before-lock.json"));
    List<List<String>> ran = new ArrayList<>();
    CommandRunner fakeNpm = (cmd, timeout) -> {
      ran.add(cmd);
      Path prefix = Path.of(cmd.get(cmd.indexOf("--prefix") + 1));
      try {
        assertThat(prefix.resolve("package.json")).exists();
        Files.writeString(prefix.resolve("package-lock.json"), data("after-lock.json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Optional.of("");
    };
    InstallGuard.Decision d = new InstallGuard(CheckerTest.checker(Optional.empty()), fakeNpm, false)
        .npm(project, List.of("evil-hooks"));
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0)).contains("--package-lock-only", "--ignore-scripts", "evil-hooks");
    assertThat(d.block()).isTrue();
    assertThat(d.checks()).extracting(CheckResult::name, CheckResult::verdict).contains(
        org.assertj.core.groups.Tuple.tuple("evil-hooks", CheckVerdict.MALICIOUS));
    assertThat(Files.readString(project.resolve("package-lock.json"))).isEqualTo(data("before-lock.json"));
  }

  @Test
  void pipPlanIsResolvedFromWheelsOnlyAndCleanPlansPass() throws Exception {
    List<List<String>> ran = new ArrayList<>();
    CommandRunner fakePip = (cmd, timeout) -> {
      ran.add(cmd);
      return Optional.of(data("pip-report.json"));
    };
    InstallGuard.Decision d = new InstallGuard(CheckerTest.checker(Optional.empty()), fakePip, true)
        .pip(List.of("quiet-lantern==1.0.0"));
    assertThat(ran.get(0)).contains("--dry-run", "--only-binary=:all:", "--report", "-");
    assertThat(d.block()).isFalse();
    assertThat(d.checks()).singleElement().extracting(CheckResult::verdict).isEqualTo(CheckVerdict.CLEAN);
    assertThatThrownBy(() -> new InstallGuard(CheckerTest.checker(Optional.empty()),
        CommandRunner.none(), false).pip(List.of("x"))).hasMessageContaining("wheels alone");
  }
}
