package dev.bulwark.monitor.watch;

import static dev.bulwark.monitor.watch.WatchHttp.get;
import static dev.bulwark.monitor.watch.WatchHttp.put;
import static dev.bulwark.monitor.watch.WatchHttp.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.monitor.Embedded;
import dev.bulwark.monitor.EmbeddedMonitor;
import dev.bulwark.monitor.EngineScan;
import dev.bulwark.monitor.FeedHttp;
import dev.bulwark.monitor.MonitorConfig;
import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.WatchFakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check, embedded mode, loopback only: a lockfile pinning x@1.0.0 is
 * uploaded before x@1.0.0 exists; the replayed feed then publishes it with malicious content;
 * the alert reaches the webhook receiver and GET /api/alerts; the next upload without x resolves
 * it.
 */
class WatchEndToEndTest {
  @Test
  void uploadThenMaliciousPublishRaisesDeliversAndResolves(@TempDir Path state) throws Exception {
    try (WatchFakes reg = new WatchFakes(); WatchHttp.Receiver hook = new WatchHttp.Receiver()) {
      reg.publishClean("left-pad", "1.3.0");
      hook.failFirst = 1; // the first delivery fails: the retry delivers it
      Watch watch = Watch.open(Watch.Options.of(state).withWebhook(Optional.of(hook.url()),
              new Webhook.Retry(5, Duration.ofMillis(50), Duration.ofMillis(200))),
          Clock.systemUTC(), Sleeper.real(), () -> 0, e -> { }, a -> { });
      Optional<Path> tokenFile = watch.ensureAdminToken(state);
      assertThat(tokenFile).contains(state.resolve("admin.token"));
      assertThat(Files.getPosixFilePermissions(tokenFile.get()))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE);
      String token = Files.readString(tokenFile.get()).strip();
      MonitorConfig c = MonitorConfig.of(state, Optional.of(reg.url()), Optional.empty())
          .withFromBeginning(true).withWorkers(1)
          .withPolling(Duration.ofMillis(50), new FeedHttp.Retry(3, Duration.ofMillis(50),
              Duration.ofMillis(200)));
      try (watch; WatchServer server = WatchServer.start(watch,
              WatchServer.Options.defaults("127.0.0.1", 0), Clock.systemUTC());
          Embedded.Running run = Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
              Clock.systemUTC(), Sleeper.real(), watch.listener(new EmbeddedMonitor.Listener() {
              }))) {
        int port = server.port();
        Thread monitor = new Thread(() -> {
          try {
            run.monitor().run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        monitor.start();
        try {
          WatchHttp.Answer up = put(port, "/api/projects/payments-api?file=package-lock.json",
              token, resource("with-x.package-lock.json"));
          assertThat(up.status()).as(up.body()).isEqualTo(200);
          assertThat(up.json().path("packages").asInt()).isEqualTo(2);
          assertThat(up.json().path("raised")).isEmpty();

          assertThat(get(port, "/api/alerts", null).status()).isEqualTo(401);

          reg.publishMalicious("x", "1.0.0");
          long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
          while (hook.bodies.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertThat(hook.bodies).as("webhook deliveries").hasSize(1);
          JsonNode delivered = WatchHttp.M.readTree(hook.bodies.get(0));
          assertThat(delivered.path("alert").path("project").asText()).isEqualTo("payments-api");
          assertThat(delivered.path("alert").path("name").asText()).isEqualTo("x");
          assertThat(delivered.path("text").asText()).contains("payments-api", "x@1.0.0");

          JsonNode alerts = get(port, "/api/alerts", token).json().path("alerts");
          assertThat(alerts).hasSize(1);
          JsonNode a = alerts.get(0);
          for (String f : List.of("id", "project", "ecosystem", "name", "version", "cause",
              "verdict", "state", "raised")) {
            assertThat(a.has(f)).as(f).isTrue();
          }
          assertThat(a.path("project").asText()).isEqualTo("payments-api");
          assertThat(a.path("ecosystem").asText()).isEqualTo("npm");
          assertThat(a.path("name").asText()).isEqualTo("x");
          assertThat(a.path("version").asText()).isEqualTo("1.0.0");
          assertThat(a.path("verdict").asText()).isEqualTo("malicious");
          assertThat(a.path("cause").asText()).isEqualTo("verdict:malicious");
          assertThat(a.path("state").asText()).isEqualTo("new");

          // The dashboard shows it (server-rendered; DashboardChromiumTest renders the pages).
          WatchHttp.Answer page = get(port, "/alerts", token);
          assertThat(page.status()).isEqualTo(200);
          assertThat(page.body()).contains("payments-api", "npm:x@1.0.0", "malicious");

          JsonNode pkg = get(port, "/api/packages/npm/x/1.0.0", token).json();
          assertThat(pkg.path("verdict").asText()).isEqualTo("malicious");
          assertThat(pkg.path("projects").get(0).asText()).isEqualTo("payments-api");

          // The same upload again raises nothing new (deduplicated).
          WatchHttp.Answer again = put(port,
              "/api/projects/payments-api?file=package-lock.json", token,
              resource("with-x.package-lock.json"));
          assertThat(again.json().path("raised")).isEmpty();

          WatchHttp.Answer next = put(port, "/api/projects/payments-api?file=package-lock.json",
              token, resource("without-x.package-lock.json"));
          assertThat(next.status()).isEqualTo(200);
          assertThat(next.json().path("resolved")).hasSize(1);
          JsonNode resolved = get(port, "/api/alerts?state=resolved", token).json()
              .path("alerts");
          assertThat(resolved).hasSize(1);
          assertThat(resolved.get(0).path("name").asText()).isEqualTo("x");
          assertThat(get(port, "/api/alerts?state=new", token).json().path("alerts")).isEmpty();
          assertThat(hook.bodies).hasSize(1);
        } finally {
          run.monitor().stop();
          monitor.join(30_000);
        }
      }
    }
  }
}
