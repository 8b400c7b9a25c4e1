package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.watch.Watch;
import dev.bulwark.monitor.watch.WatchServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch's CLI: token create/list/revoke, --serve checks, and audit --upload (loopback). */
class WatchCliTest {
  @Test
  void tokensAreCreatedListedAndRevoked(@TempDir Path tmp) {
    Path state = tmp.resolve("state");
    CliHarness.Run c = CliHarness.run(tmp, "monitor", "token", "create", "--state",
        state.toString(), "--scope", "upload-only", "--name", "ci");
    assertThat(c.exit()).as(c.err()).isZero();
    String secret = c.out().strip();
    assertThat(secret).startsWith("bw_");
    String id = secret.substring(3, secret.indexOf('_', 3));
    CliHarness.Run l = CliHarness.run(tmp, "monitor", "token", "list", "--state",
        state.toString());
    assertThat(l.out()).contains(id + "\tupload-only\tlive").doesNotContain(secret);
    assertThat(CliHarness.run(tmp, "monitor", "token", "revoke", "--state", state.toString(),
        secret).exit()).isZero();
    assertThat(CliHarness.run(tmp, "monitor", "token", "list", "--state", state.toString())
        .out()).contains(id + "\tupload-only\trevoked");
    assertThat(CliHarness.run(tmp, "monitor", "token", "revoke", "--state", state.toString(),
        "nope").exit()).isEqualTo(2);
    CliHarness.Run bad = CliHarness.run(tmp, "monitor", "token", "create", "--state",
        state.toString(), "--scope", "root");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--scope must be admin, read-only or upload-only");
  }

  @Test
  void serveRefusesABadAddress(@TempDir Path tmp) {
    CliHarness.Run r = CliHarness.run(tmp, "monitor", "--state", tmp.resolve("s").toString(),
        "--npm-changes", "http://127.0.0.1:1", "--serve", "127.0.0.1:http");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--serve must be HOST:PORT or PORT");
  }

  @Test
  void distributedServeNeedsAStateFolderBeforeAnythingConnects(@TempDir Path tmp) {
    // Nothing listens on these ports: the usage check must come before any connection attempt.
    CliHarness.Run r = CliHarness.run(tmp, "monitor", "--kafka", "127.0.0.1:1", "--postgres",
        "jdbc:postgresql://127.0.0.1:1/none", "--npm-changes", "http://127.0.0.1:1", "--serve", "127.0.0.1:0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--serve in the distributed mode needs --state DIR");
  }

  @Test
  void auditUploadsItsInventoryToTheWatch(@TempDir Path tmp) throws Exception {
    Path state = tmp.resolve("state");
    try (Watch watch = Watch.open(Watch.Options.of(state), Clock.systemUTC(), Sleeper.real(),
        () -> 0, e -> { }, a -> { })) {
      watch.ensureAdminToken(state);
      String admin = Files.readString(state.resolve("admin.token")).strip();
      try (WatchServer server = WatchServer.start(watch, WatchServer.Options.defaults(
          "127.0.0.1", 0), Clock.systemUTC())) {
        String url = "http://127.0.0.1:" + server.port() + "/api/projects/vulnerable-app";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env env = new Env(new PrintWriter(out), new PrintWriter(err), Map.of("XDG_CACHE_HOME",
            tmp.toString(), "HOME", tmp.toString(), "BULWARK_WATCH_TOKEN", admin),
            CliHarness.CLOCK, CliHarness.ROOT, false);
        int code = Main.run(env, "audit", "-q", "--upload", url, "examples/vulnerable-app");
        assertThat(err.toString()).contains("uploaded the inventory");
        assertThat(code).isEqualTo(ExitCode.FINDINGS.code);
        HttpResponse<String> p = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url)).header("Authorization", "Bearer " + admin).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(p.body()).contains("\"file\":\"bom.cdx.json\"", "react-plaid-sdk");

        CliHarness.Run noToken = CliHarness.run(tmp, "audit", "-q", "--upload", url,
            "examples/vulnerable-app");
        assertThat(noToken.err()).contains("upload failed: set BULWARK_WATCH_TOKEN");
      }
    }
  }
}
