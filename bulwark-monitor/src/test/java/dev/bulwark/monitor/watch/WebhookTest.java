package dev.bulwark.monitor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.VersionKey;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Webhook retries with backoff (the sleeper is recorded, not waited on), and giving up. */
class WebhookTest {
  static Alert alert() {
    return new Alert(1, "p<&>", new VersionKey(Ecosystem.NPM, "x", "1.0.0"), "verdict:malicious",
        "malicious", "bad", AlertState.NEW, Instant.parse("2026-12-07T00:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({
      // failures before success, attempts, delivered, dropped, pauses in ms
      "0, 6, 1, 0, ''",
      "2, 6, 1, 0, '500 1000'",
      "5, 6, 1, 0, '500 1000 2000 4000 4000'",
      "6, 6, 0, 1, '500 1000 2000 4000 4000'",
  })
  void retriesWithBackoffThenGivesUp(int failures, int attempts, int delivered, int dropped,
      String pauses) throws Exception {
    List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    Metrics m = new Metrics(Clock.systemUTC(), () -> 0);
    try (WatchHttp.Receiver r = new WatchHttp.Receiver()) {
      r.failFirst = failures;
      Webhook h = new Webhook(HttpClient.newHttpClient(), r.url(), slept::add,
          new Webhook.Retry(attempts, Duration.ofMillis(500), Duration.ofSeconds(4)), m, a -> { });
      h.raised(alert());
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (m.webhookDelivered.get() + m.webhookDropped.get() == 0
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      h.close();
      assertThat(m.webhookDelivered.get()).isEqualTo(delivered);
      assertThat(m.webhookDropped.get()).isEqualTo(dropped);
      assertThat(slept.stream().map(d -> String.valueOf(d.toMillis())).toList())
          .isEqualTo(pauses.isEmpty() ? List.of() : List.of(pauses.split(" ")));
      if (delivered == 1) {
        var body = WatchHttp.M.readTree(r.bodies.get(0));
        assertThat(body.path("text").asText()).contains("p&lt;&amp;&gt;").doesNotContain("<&>");
        assertThat(body.path("alert").path("project").asText()).isEqualTo("p<&>");
      }
    }
  }
}
