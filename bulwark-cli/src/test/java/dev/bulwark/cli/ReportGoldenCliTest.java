package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report format from the real engine, for an audit, a package scan, a project scan and
 * sweeps of a compromised and a clean machine, compared with golden files (versions, build dates and paths normalised). Regenerate with
 * {@code -Dbulwark.updateGolden=true}; a golden without a case fails.
 */
class ReportGoldenCliTest {
  static final Path DIR = Path.of("src/test/resources/dev/bulwark/cli/report-golden");
  static final String PKG = "bulwark-cli/src/test/resources/dev/bulwark/cli/testdata/report-pkg/package";

  @TempDir Path tmp;

  /** {@code <TMP>} in an argument stands for the test's temporary folder. */
  record Case(String name, List<String> args, List<String> formats, int exit) {}

  static final List<String> SWEEP = List.of("sweep", "--home", "<TMP>/home", "--root",
      "<TMP>/root", "--db", "<TMP>/cache/sweep.db");

  static List<Case> cases() {
    return List.of(
        new Case("audit", List.of("audit", "examples/vulnerable-app"),
            List.of("json", "sarif", "html", "md", "cdx.json"), 1),
        new Case("package", List.of("scan", "--as", "package", PKG),
            List.of("json", "sarif", "html", "md"), 1),
        new Case("project", List.of("scan", "examples/take-home-trojan"),
            List.of("json", "sarif", "html", "md"), 1),
        new Case("sweep", SWEEP, List.of("txt", "json", "sarif", "html", "md"), 4),
        new Case("sweep-clean", SWEEP, List.of("txt", "json", "sarif", "html", "md"), 0));
  }

  static Stream<Arguments> args() {
    return cases().stream().map(Arguments::of);
  }

  private static String format(String ext) {
    return switch (ext) {
      case "md" -> "markdown";
      case "cdx.json" -> "cyclonedx";
      case "txt" -> "console";
      default -> ext;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("args")
  void everyFormatMatchesItsGolden(Case c) throws Exception {
    Files.createDirectories(tmp.resolve("home"));
    Files.createDirectories(tmp.resolve("root"));
    if (c.name().equals("sweep")) {
      SweepTree.compromised(tmp.resolve("home"), tmp.resolve("root"));
    }
    List<String> argv = new ArrayList<>();
    c.args().forEach(a -> argv.add(a.replace("<TMP>", tmp.toString())));
    for (String ext : c.formats()) {
      argv.add("--format");
      argv.add(format(ext) + ":" + tmp.resolve("out." + ext));
    }
    CliHarness.Run r = CliHarness.run(tmp.resolve("cache"), argv.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(c.exit());
    for (String ext : c.formats()) {
      String actual = normalise(Files.readString(tmp.resolve("out." + ext)), tmp);
      if (c.name().startsWith("sweep")) {
        // A sweep's artifacts are absolute paths under the temporary folder, and so are hashed.
        actual = actual.replaceAll("\"bulwarkFingerprint/v1\" : \"[0-9a-f]+\"",
            "\"bulwarkFingerprint/v1\" : \"<FINGERPRINT>\"");
      }
      Path golden = DIR.resolve(c.name() + "." + ext);
      if (Boolean.getBoolean("bulwark.updateGolden")) {
        Files.createDirectories(DIR);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(golden).as("golden (run with -Dbulwark.updateGolden=true)").exists();
      assertThat(actual).as(golden.toString())
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8))
          .doesNotContain(SweepTree.NPM_TOKEN);
    }
  }

  @Test
  void noStaleGoldens() throws Exception {
    Set<String> expected = new TreeSet<>();
    cases().forEach(c -> c.formats().forEach(f -> expected.add(c.name() + "." + f)));
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(expected);
    }
  }

  static String normalise(String s, Path tmp) {
    String version = dev.bulwark.report.BulwarkVersion.get();
    return CliHarness.normalize(s, tmp).replace(version, "<VERSION>")
        .replaceAll("built \\d{4}-\\d{2}-\\d{2}", "built <DATE>")
        .replaceAll("script-src 'sha256-[^']+'", "script-src '<HASH>'")
        .replace("\r\n", "\n");
  }
}
