package dev.bulwark.monitor.watch;

import static dev.bulwark.monitor.watch.WatchHttp.get;
import static dev.bulwark.monitor.watch.WatchHttp.put;
import static dev.bulwark.monitor.watch.WatchHttp.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.WatchFakes;
import dev.bulwark.monitor.postgres.PgState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over loopback HTTP against the distributed mode's real PostgreSQL: the watch's state
 * in PgWatchStore, and a verdict written to the monitor's PostgreSQL verdict store (as a worker
 * process elsewhere would) reaches GET /api/alerts by following that store. Skipped without
 * PostgreSQL, required under CI=true.
 */
class WatchPostgresTest {
  @Test
  void aVerdictWrittenByAnotherProcessRaisesAnAlert(@TempDir Path state) throws Exception {
    try (WatchFakes.Postgres pg = new WatchFakes.Postgres()) {
      String url = pg.database("watch_api");
      try (PgState monitor = PgState.open(url, 2);
          Watch watch = Watch.open(Watch.Options.of(state), PgWatchStore.open(url, 4),
              Clock.systemUTC(), Sleeper.real(), () -> 0, e -> { }, a -> { })) {
        watch.ensureAdminToken(state);
        String admin = Files.readString(state.resolve(Tokens.ADMIN_FILE)).strip();
        watch.followVerdicts(monitor.verdicts(), Duration.ofMillis(100));
        try (WatchServer server = WatchServer.start(watch, WatchServer.Options.defaults(
            "127.0.0.1", 0), Clock.systemUTC())) {
          int port = server.port();
          assertThat(put(port, "/api/projects/payments?file=package-lock.json", admin,
              resource("with-x.package-lock.json")).status()).isEqualTo(200);
          assertThat(get(port, "/api/alerts", null).status()).isEqualTo(401);
          var v = WatchApiTest.verdict("x", "1.0.0", MonitorVerdict.MALICIOUS, "bad");
          monitor.verdicts().upsert(new dev.bulwark.monitor.VerdictRecord(v.event(),
              v.artifactHash(), v.verdict(), v.reason(), v.score(), v.findings(), v.traits(),
              Instant.now()));
          JsonNode alerts = null;
          long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (System.nanoTime() < deadline) {
            alerts = get(port, "/api/alerts", admin).json().path("alerts");
            if (alerts.size() > 0) {
              break;
            }
            Thread.sleep(100);
          }
          assertThat(alerts).hasSize(1);
          assertThat(alerts.get(0).path("project").asText()).isEqualTo("payments");
          assertThat(alerts.get(0).path("cause").asText()).isEqualTo("verdict:malicious");
          assertThat(put(port, "/api/projects/payments?file=package-lock.json", admin,
              resource("without-x.package-lock.json")).json().path("resolved")).hasSize(1);
        }
      }
    }
  }
}
