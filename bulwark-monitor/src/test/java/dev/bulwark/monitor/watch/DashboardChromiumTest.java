package dev.bulwark.monitor.watch;

import static dev.bulwark.monitor.watch.WatchHttp.put;
import static dev.bulwark.monitor.watch.WatchHttp.req;
import static dev.bulwark.monitor.watch.WatchHttp.resource;
import static dev.bulwark.monitor.watch.WatchHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.Sleeper;
import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium: each page, as the server sends it to a logged-in session
 * (its CSP header copied into a meta tag, its stylesheet saved beside it), must load without
 * console errors or CSP violations, keep hostile package and project text as text, and leave a
 * screenshot under target/watch-screenshots. Skipped when Chromium is missing, except under
 * CI=true.
 */
class DashboardChromiumTest {
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

  @Test
  void pagesRenderWithTheirCspAndHostileTextStaysText(@TempDir Path tmp) throws Exception {
    Optional<Path> chromium = chromium();
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(chromium.isPresent(),
          "chromium is not installed (apt-get install -y chromium); skipping the browser test");
    }
    assertThat(chromium).as("CI=true needs chromium").isPresent();
    Path state = tmp.resolve("state");
    try (Watch watch = Watch.open(Watch.Options.of(state), Clock.systemUTC(), Sleeper.real(),
        () -> 0, e -> { }, a -> { })) {
      watch.ensureAdminToken(state);
      String admin = Files.readString(state.resolve(Tokens.ADMIN_FILE)).strip();
      try (WatchServer server = WatchServer.start(watch, WatchServer.Options.defaults(
          "127.0.0.1", 0), Clock.systemUTC())) {
        int port = server.port();
        watch.onVerdict(WatchApiTest.verdict("x", "1.0.0", MonitorVerdict.MALICIOUS,
            "sends ~/.npmrc to a remote host <img src=x onerror=document.title='pwned'>"));
        assertThat(put(port, "/api/projects/" + URLEncoder.encode("payments-api<b>bold<b>",
            StandardCharsets.UTF_8) + "?file=package-lock.json", admin,
            resource("with-x.package-lock.json")).status()).isEqualTo(200);
        WatchHttp.Answer login = send(req(port, "/login", null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=" + admin)));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        Path shots = Path.of("target/watch-screenshots");
        Files.createDirectories(shots);
        Files.writeString(tmp.resolve("dashboard.css"), Dashboard.CSS);
        for (String page : List.of("verdicts", "projects", "alerts")) {
          WatchHttp.Answer a = send(req(port, page.equals("verdicts") ? "/" : "/" + page, null)
              .header("Cookie", cookie).GET());
          assertThat(a.status()).isEqualTo(200);
          String csp = a.headers().firstValue("Content-Security-Policy").orElseThrow();
          // The file is served from file://, so 'self' becomes the folder: the stylesheet beside it.
          String html = a.body().replace("href=\"/dashboard.css\"", "href=\"dashboard.css\"")
              .replace("<head>", "<head><meta http-equiv=\"Content-Security-Policy\" content=\""
                  + csp.replace("frame-ancestors 'none'; ", "") + "\">");
          Path file = tmp.resolve(page + ".html");
          Files.writeString(file, html);
          Path png = shots.resolve(page + ".png").toAbsolutePath();
          Files.deleteIfExists(png);
          Path log = tmp.resolve(page + ".log");
          run(chromium.get(), tmp.resolve("p1-" + page), log, "--window-size=1200,900",
              "--screenshot=" + png, file.toUri().toString());
          assertThat(png).exists().isNotEmptyFile();
          String dom = run(chromium.get(), tmp.resolve("p2-" + page), log, "--dump-dom",
              file.toUri().toString());
          assertThat(dom).as(page).doesNotContain("<img").doesNotContain("<b>")
              .doesNotContain("pwned</title>").contains("Bulwark watch");
          String errors = Files.readString(log, StandardCharsets.UTF_8);
          assertThat(errors).as(page).doesNotContain(":CONSOLE").doesNotContain("Uncaught")
              .doesNotContain("Content Security Policy").doesNotContain("Refused to");
        }
      }
    }
  }
}
