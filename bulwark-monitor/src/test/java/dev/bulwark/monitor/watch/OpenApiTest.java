package dev.bulwark.monitor.watch;

import static dev.bulwark.monitor.watch.WatchHttp.req;
import static dev.bulwark.monitor.watch.WatchHttp.resource;
import static dev.bulwark.monitor.watch.WatchHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.Sleeper;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/watch-openapi.yaml against the running server: every documented operation answers with a
 * documented status and the documented required fields, and every API route the server has is
 * documented.
 */
class OpenApiTest {
  static final Path SPEC = Path.of("../docs/watch-openapi.yaml");

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec() throws Exception {
    return (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(SPEC));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyDocumentedOperationAnswersAsDocumented(@TempDir Path state) throws Exception {
    Map<String, Object> paths = (Map<String, Object>) spec().get("paths");
    try (Watch watch = Watch.open(Watch.Options.of(state), Clock.systemUTC(), Sleeper.real(),
        () -> 0, e -> { }, a -> { })) {
      watch.ensureAdminToken(state);
      String admin = Files.readString(state.resolve(Tokens.ADMIN_FILE)).strip();
      try (WatchServer server = WatchServer.start(watch, WatchServer.Options.defaults(
          "127.0.0.1", 0), Clock.systemUTC())) {
        int port = server.port();
        watch.onVerdict(WatchApiTest.verdict("x", "1.0.0", MonitorVerdict.MALICIOUS, "bad"));
        List<String> checked = new ArrayList<>();
        for (String order : List.of("put", "post", "get")) {
          for (Map.Entry<String, Object> p : paths.entrySet()) {
            Map<String, Object> ops = (Map<String, Object>) p.getValue();
            if (!ops.containsKey(order)) {
              continue;
            }
            String path = p.getKey().replace("{name}/{version}", "x/1.0.0")
                .replace("{name}", "web").replace("{ecosystem}", "npm").replace("{id}", "1");
            HttpRequest.Builder b;
            if (order.equals("put")) {
              b = req(port, path + "?file=package-lock.json", admin).PUT(
                  HttpRequest.BodyPublishers.ofString(resource("with-x.package-lock.json")));
            } else if (order.equals("post") && path.startsWith("/api/projects/")) {
              String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename="
                  + "\"package-lock.json\"\r\n\r\n" + resource("with-x.package-lock.json")
                  + "\r\n--b--\r\n";
              b = req(port, path, admin).header("Content-Type",
                  "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers
                  .ofString(body));
            } else if (order.equals("post")) {
              b = req(port, path, admin).POST(HttpRequest.BodyPublishers.noBody());
            } else {
              b = req(port, path, admin).GET();
            }
            WatchHttp.Answer a = send(b);
            Map<String, Object> op = (Map<String, Object>) ops.get(order);
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(order + " " + path + " -> " + a.status() + " " + a.body())
                .containsKey(String.valueOf(a.status()));
            assertThat(a.status()).as(order + " " + path + ": " + a.body()).isEqualTo(200);
            checked.add(order.toUpperCase() + " " + p.getKey());
          }
        }
        assertThat(checked).hasSize(9);
        // The alerts answer has the fields.
        var alerts = WatchHttp.get(port, "/api/alerts", admin).json().path("alerts");
        assertThat(alerts).isNotEmpty();
        for (String f : required("Alert")) {
          assertThat(alerts.get(0).has(f)).as(f).isTrue();
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> required(String schema) throws Exception {
    Map<String, Object> c = (Map<String, Object>) spec().get("components");
    Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) c.get("schemas"))
        .get(schema);
    return (List<String>) s.get("required");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyApiRouteOfTheServerIsDocumented() throws Exception {
    Set<String> documented = new TreeSet<>();
    Map<String, Object> paths = (Map<String, Object>) spec().get("paths");
    for (Map.Entry<String, Object> p : paths.entrySet()) {
      for (String m : ((Map<String, Object>) p.getValue()).keySet()) {
        if (!m.equals("parameters")) {
          documented.add(m.toUpperCase() + " " + p.getKey());
        }
      }
    }
    Set<String> served = new TreeSet<>();
    WatchApiTest.endpoints().forEach(a -> {
      String method = (String) a.get()[0];
      String path = ((String) a.get()[1]).replaceAll("\\?.*", "");
      if (path.startsWith("/api/") || path.equals("/metrics")) {
        served.add(method + " " + path.replace("/api/projects/p", "/api/projects/{name}")
            .replace("/api/alerts/1/ack", "/api/alerts/{id}/ack")
            .replace("/api/packages/npm/x/1.0.0", "/api/packages/{ecosystem}/{name}/{version}"));
      }
    });
    assertThat(documented).isEqualTo(served);
  }
}
