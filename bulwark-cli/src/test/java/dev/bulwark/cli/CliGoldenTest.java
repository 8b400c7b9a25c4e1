package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end CLI cases compared with golden files in
 * src/test/resources/dev/bulwark/cli/golden/&lt;case&gt;.txt (exit code, stdout, stderr). Run with
 * {@code -Dbulwark.updateGolden=true} to rewrite them; a golden file no case uses fails the build.
 */
class CliGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/dev/bulwark/cli/golden");
  private static final boolean UPDATE = Boolean.getBoolean("bulwark.updateGolden");
  private static final Set<String> USED = new HashSet<>();

  @TempDir static Path cache;

  record Case(String name, List<String> args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String td = "bulwark-cli/src/test/resources/dev/bulwark/cli/testdata/";
    return Stream.of(
        new Case("audit_example_console", List.of("audit", "--no-color", "examples/vulnerable-app")),
        new Case("audit_example_json", List.of("audit", "--format", "json", "examples/vulnerable-app")),
        new Case("audit_example_quiet_fail_on_critical",
            List.of("audit", "--quiet", "--fail-on", "critical", "examples/vulnerable-app")),
        new Case("audit_no_dev_json", List.of("audit", "--format", "json", "--no-dev",
            "examples/vulnerable-app")),
        new Case("audit_policy_ignores", List.of("audit", "--no-color", td + "policy-project")),
        new Case("audit_policy_invalid", List.of("audit", td + "policy-invalid")),
        new Case("audit_bad_file_partial", List.of("audit", "--no-color", td + "bad-files")),
        new Case("audit_unknown_format", List.of("audit", "--format", "yaml", "examples/vulnerable-app")),
        new Case("audit_unknown_fail_on", List.of("audit", "--fail-on", "severe", "examples/vulnerable-app")),
        new Case("audit_unknown_option", List.of("audit", "--frobnicate")),
        new Case("audit_missing_path", List.of("audit", "no/such/dir")),
        new Case("scan_take_home_console", List.of("scan", "--no-color", "--no-explain",
            "examples/take-home-trojan")),
        new Case("scan_take_home_json", List.of("scan", "--format", "json", "examples/take-home-trojan")),
        new Case("scan_evil_package_console", List.of("scan", "--no-color", "--as", "package",
            td + "evil-package")),
        new Case("scan_evil_package_no_model_console", List.of("scan", "--no-color", "--as", "package",
            "--no-model", td + "evil-package")),
        new Case("scan_evil_package_model_console", List.of("scan", "--no-color", "--as", "package",
            "--model", td + "evil-package")),
        new Case("scan_evil_folder_as_project", List.of("scan", "--no-color", "--no-explain",
            td + "evil-package")),
        new Case("scan_benign_package_json", List.of("scan", "--format", "json", "--as", "package",
            td + "benign-package")),
        new Case("scan_as_invalid", List.of("scan", "--as", "banana", "examples/take-home-trojan")),
        new Case("scan_missing_path", List.of("scan", "no/such/file.tgz")),
        new Case("sweep_cyclonedx", List.of("sweep", "--home", "examples", "--root", "examples",
            "--format", "cyclonedx")),
        new Case("explain_folder_open", List.of("explain", "project-vscode-folder-open-task")),
        new Case("explain_unknown", List.of("explain", "no-such-rule")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matches_golden(Case c) throws IOException {
    CliHarness.Run r = CliHarness.run(cache, c.args().toArray(String[]::new));
    String actual = "exit: " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n"
        + stripBuildNotice(r.err());
    Path file = GOLDEN.resolve(c.name() + ".txt");
    USED.add(file.getFileName().toString());
    if (UPDATE || !Files.exists(file)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The notice about building the embedded database appears only in the first case to run. */
  private static String stripBuildNotice(String err) {
    return err.lines().filter(l -> !l.startsWith("bulwark: no advisory database")
        && !l.startsWith("bulwark: this sample is NOT"))
        .map(l -> l + "\n").reduce("", String::concat);
  }

  @AfterAll
  static void no_stale_golden_files() throws IOException {
    if (USED.size() < cases().count()) {
      return; // a filtered run (-Dtest=…#case) cannot judge staleness
    }
    try (Stream<Path> files = Files.list(GOLDEN)) {
      List<String> stale = files.map(p -> p.getFileName().toString())
          .filter(n -> !USED.contains(n)).sorted().toList();
      assertThat(stale).as("golden files that no case uses; delete them").isEmpty();
    }
  }
}
