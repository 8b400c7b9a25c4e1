package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders each HTML report in headless Chromium: the page must load without console errors or
 * CSP violations, the hashed script must run (it un-hides the search box), and a screenshot is
 * saved under target/report-screenshots. Skipped when no Chromium is installed.
 */
class HtmlChromiumTest {
  static List<String> fixtures() {
    return HtmlRendererTest.fixtures();
  }

  static Optional<Path> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static String run(Path chromium, Path profile, Path log, String... extra)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish");
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void rendersWithoutErrorsAndTheScriptRuns(String fixture, @TempDir Path tmp) throws Exception {
    Optional<Path> chromium = chromium();
    assumeTrue(chromium.isPresent(),
        "chromium is not installed (apt-get install -y chromium); skipping the browser test");
    Path page = tmp.resolve(fixture + ".html");
    Files.writeString(page, Schemas.render(ReportFormat.HTML, ReportFixtures.all().get(fixture)
        .get()), StandardCharsets.UTF_8);
    Path shots = Path.of("target/report-screenshots");
    Files.createDirectories(shots);
    Path png = shots.resolve(fixture + ".png").toAbsolutePath();
    Files.deleteIfExists(png);
    Path log = tmp.resolve("chromium.log");
    run(chromium.get(), tmp.resolve("profile1"), log, "--window-size=1200,1600",
        "--screenshot=" + png, page.toUri().toString());
    assertThat(png).exists().isNotEmptyFile();
    String dom = run(chromium.get(), tmp.resolve("profile2"), log, "--dump-dom",
        page.toUri().toString());
    assertThat(dom).contains("id=\"findings\"").containsPattern("id=\"q\"[^>]*>")
        .doesNotContainPattern("<input[^>]*id=\"q\"[^>]*hidden")
        .doesNotContain("<img");
    String errors = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(errors).doesNotContain(":CONSOLE").doesNotContain("Uncaught").doesNotContain("Content Security Policy")
        .doesNotContain("Refused to");
  }
}
