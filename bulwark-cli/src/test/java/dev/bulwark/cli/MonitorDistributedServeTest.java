package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.monitor.DistFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation watch served by the distributed mode, end to end through the real command:
 * {@code bulwark monitor --kafka … --postgres … --role follower --serve PORT --state DIR} in a
 * JVM of its own, and a {@code --role worker} process beside it, on a real Kafka broker and a
 * real PostgreSQL. A lockfile pinning x@1.0.0 is uploaded before x@1.0.0 exists; the feed then
 * publishes it with a real malicious tarball; the worker's verdict, written to PostgreSQL by the
 * other process, raises the alert at GET /api/alerts; the next upload without x resolves it.
 */
class MonitorDistributedServeTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void workerVerdictRaisesAndUploadResolvesAnAlertOfTheServedWatch(@TempDir Path tmp)
      throws Exception {
    try (DistFixture f = DistFixture.start()) {
      String db = f.database("serve_watch");
      f.publishClean("left-pad", "1.3.0");
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path state = tmp.resolve("state");
      List<Process> ps = new ArrayList<>();
      try {
        ps.add(child(tmp, "monitor", "--kafka", f.kafka(), "--postgres", db, "--npm-changes",
            f.registry(), "--since", "0", "--poll", "1", "--role", "follower", "--state",
            state.toString(), "--serve", "127.0.0.1:" + port));
        ps.add(child(tmp, "monitor", "--kafka", f.kafka(), "--postgres", db, "--npm-changes",
            f.registry(), "--poll", "1", "--role", "worker"));
        Path tokenFile = state.resolve("admin.token");
        String token = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
          if (Files.exists(tokenFile) && status(port, "/api/alerts", null) == 401) {
            token = Files.readString(tokenFile).strip();
            break;
          }
          assertThat(ps.get(0).isAlive()).as("the served process runs").isTrue();
          Thread.sleep(250);
        }
        assertThat(token).as("the watch is served").isNotNull();

        HttpResponse<String> up = put(port, "/api/projects/payments-api?file=package-lock.json",
            token, resource("with-x.package-lock.json"));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(M.readTree(up.body()).path("raised")).isEmpty();

        Assumptions.assumeTrue(f.publishMaliciousAs("x", "1.0.0"),
            "no malicious npm samples under ../shared/corpus");
        JsonNode alerts = M.createArrayNode();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (alerts.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(500);
          alerts = M.readTree(get(port, "/api/alerts", token).body()).path("alerts");
        }
        assertThat(alerts).as("an alert raised from the worker's verdict").hasSize(1);
        JsonNode a = alerts.get(0);
        assertThat(a.path("project").asText()).isEqualTo("payments-api");
        assertThat(a.path("name").asText()).isEqualTo("x");
        assertThat(a.path("version").asText()).isEqualTo("1.0.0");
        assertThat(a.path("verdict").asText()).isEqualTo("malicious");
        assertThat(a.path("cause").asText()).isEqualTo("verdict:malicious");
        assertThat(a.path("state").asText()).isEqualTo("new");
        JsonNode pkg = M.readTree(get(port, "/api/packages/npm/x/1.0.0", token).body());
        assertThat(pkg.path("verdict").asText()).isEqualTo("malicious");

        HttpResponse<String> next = put(port,
            "/api/projects/payments-api?file=package-lock.json", token,
            resource("without-x.package-lock.json"));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(M.readTree(next.body()).path("resolved")).hasSize(1);
        assertThat(M.readTree(get(port, "/api/alerts?state=new", token).body()).path("alerts"))
            .isEmpty();
      } finally {
        for (Process p : ps) {
          p.destroyForcibly();
          p.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = MonitorDistributedServeTest.class.getResourceAsStream(
        "/dev/bulwark/monitor/watch/testdata/" + name)) {
      if (in == null) {
        throw new IOException("no testdata " + name + " (bulwark-monitor's test-jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HttpRequest.Builder req(int port, String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static int status(int port, String path, String token) {
    try {
      return get(port, path, token).statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static HttpResponse<String> get(int port, String path, String token)
      throws IOException, InterruptedException {
    return HTTP.send(req(port, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> put(int port, String path, String token, String body)
      throws IOException, InterruptedException {
    return HTTP.send(req(port, path, token).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The real command in a JVM of its own, its output in tmp/child-N.log. */
  private static Process child(Path tmp, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile(tmp, "child-", ".log").toFile());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.toString());
    return pb.start();
  }
}
