package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PyPI journal follower against a loopback XML-RPC endpoint and JSON API. */
class PypiFeedTest {
  static byte[] testdata(String name) throws IOException {
    try (InputStream in = PypiFeedTest.class.getResourceAsStream("testdata/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void journalRowsAreParsed() throws Exception {
    List<PypiFeed.Entry> e = PypiFeed.entries(PypiFeed.response(testdata("pypi-journal.xml")));
    assertThat(e).hasSize(6);
    assertThat(e.get(1)).isEqualTo(new PypiFeed.Entry("demo-lib", "1.0", 1764547201L,
        "add source file demo_lib-1.0.tar.gz", 102));
  }

  @ParameterizedTest
  @CsvSource({"pypi-xxe.xml, DOCTYPE", "pypi-fault.xml, fault"})
  void hostileOrFailedResponsesAreRejected(String file, String why) {
    assertThatThrownBy(() -> PypiFeed.response(testdata(file))).isInstanceOf(IOException.class)
        .hasMessageContaining(why);
  }

  @Test
  void followsTheJournalAndJudgesTheSdist(@TempDir Path state) throws Exception {
    byte[] sdist = sdist();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sdist));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", x -> serve(x, base, sdist, sha));
    server.start();
    try {
      FeedHttp http = new FeedHttp(HttpClient.newHttpClient(), d -> { }, FeedHttp.Retry.defaults(),
          Duration.ofSeconds(10));
      PypiFeed feed = new PypiFeed(base + "/pypi", base + "/pypi", http, 100);
      assertThat(feed.start(false, Instant.EPOCH).position()).isEqualTo("106");
      FeedBatch b = feed.poll(new Cursor("0", Instant.EPOCH));
      assertThat(b.next()).isEqualTo("106");
      assertThat(b.events()).hasSize(1);
      VersionEvent e = b.events().get(0);
      assertThat(e.key().name()).isEqualTo("demo-lib");
      assertThat(e.artifactUrl()).endsWith("demo_lib-1.0.tar.gz");
      assertThat(e.expected()).isEqualTo(new ArtifactHash("sha256", sha));
      assertThat(e.published()).isEqualTo(Instant.parse("2026-12-01T00:00:01Z"));

      MonitorConfig c = MonitorConfig.of(state, Optional.empty(), Optional.of(base + "/pypi"))
          .withFromBeginning(true).withUntilIdle(true);
      EngineScan engine = EngineScan.defaults(List.of(), List.of());
      try (Embedded.Running r = Embedded.build(c, engine, Clock.systemUTC(), d -> { },
          new EmbeddedMonitor.Listener() {})) {
        r.monitor().run();
        List<VerdictRecord> v = r.state().verdicts().query(VerdictStore.Query.all());
        assertThat(v).hasSize(1);
        assertThat(v.get(0).key().ecosystem()).isEqualTo(dev.bulwark.model.Ecosystem.PYPI);
        assertThat(v.get(0).verdict()).isEqualTo(MonitorVerdict.CLEAN);
      }
    } finally {
      server.stop(0);
    }
  }

  private static void serve(HttpExchange x, String base, byte[] sdist, String sha)
      throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      byte[] body;
      if (path.equals("/pypi") && x.getRequestMethod().equals("POST")) {
        String call = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        body = call.contains("changelog_last_serial") ? testdata("pypi-last-serial.xml")
            : call.contains("<int>0</int>") ? testdata("pypi-journal.xml")
            : "<?xml version=\"1.0\"?><methodResponse><params><param><value><array><data></data></array></value></param></params></methodResponse>".getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/pypi/demo-lib/1.0/json")) {
        body = ("{\"info\":{\"name\":\"demo-lib\",\"version\":\"1.0\"},\"urls\":["
            + "{\"filename\":\"demo_lib-1.0-py3-none-any.whl\",\"packagetype\":\"bdist_wheel\","
            + "\"url\":\"" + base + "/files/demo_lib-1.0-py3-none-any.whl\",\"digests\":{\"sha256\":\"00\"},"
            + "\"upload_time_iso_8601\":\"2026-12-01T00:00:02Z\"},"
            + "{\"filename\":\"demo_lib-1.0.tar.gz\",\"packagetype\":\"sdist\",\"url\":\"" + base
            + "/files/demo_lib-1.0.tar.gz\",\"digests\":{\"sha256\":\"" + sha + "\"},"
            + "\"upload_time_iso_8601\":\"2026-12-01T00:00:01Z\"}]}")
            .getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/files/demo_lib-1.0.tar.gz")) {
        body = sdist;
      } else {
        x.sendResponseHeaders(404, -1);
        return;
      }
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] sdist() {
    Map<String, byte[]> f = new TreeMap<>();
    f.put("demo_lib-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo-lib\nVersion: 1.0\n"
        .getBytes(StandardCharsets.UTF_8));
    f.put("demo_lib-1.0/setup.py", "from setuptools import setup\nsetup(name='demo-lib', version='1.0')\n"
        .getBytes(StandardCharsets.UTF_8));
    f.put("demo_lib-1.0/demo_lib/__init__.py", "def add(a, b):\n    return a + b\n"
        .getBytes(StandardCharsets.UTF_8));
    return Tarballs.tgz(f);
  }

}
