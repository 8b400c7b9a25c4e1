package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyPI's RSS updates feed: hardened parsing, the (pubDate, name, version) cursor that neither
 * skips nor repeats, the lossy-gap signal, and the fallback from a failing XML-RPC journal.
 * Everything is served on loopback.
 */
class PypiRssTest {
  private HttpServer server;
  private String base;
  private final AtomicReference<byte[]> rss = new AtomicReference<>();
  private byte[] sdist;
  private String sha;
  private int journalCalls;

  @BeforeEach
  void serve() throws Exception {
    sdist = sdist();
    sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sdist));
    rss.set(PypiFeedTest.testdata("pypi-rss.xml"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void itemsAreParsedOldestFirstAndBadItemsSkipped() throws Exception {
    assertThat(PypiRss.parse(PypiFeedTest.testdata("pypi-rss.xml"))).containsExactly(
        new PypiRss.Item(Instant.parse("2026-12-01T00:00:05Z"), "alpha-tool", "0.1"),
        new PypiRss.Item(Instant.parse("2026-12-01T00:00:05Z"), "beta-tool", "2.0rc1"),
        new PypiRss.Item(Instant.parse("2026-12-01T00:00:09Z"), "demo-lib", "1.1"));
  }

  @Test
  void doctypesAreRefused() {
    assertThatThrownBy(() -> PypiRss.parse(PypiFeedTest.testdata("pypi-rss-xxe.xml")))
        .isInstanceOf(IOException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void markRoundTrips() {
    PypiRss.Item i = new PypiRss.Item(Instant.parse("2026-12-01T00:00:05Z"), "a.b_c-d", "1!2.0+x");
    assertThat(PypiRss.Item.decode(i.encode())).isEqualTo(i);
    assertThat(PypiRss.Item.decode("garbage")).isEqualTo(PypiRss.Item.NONE);
  }

  @Test
  void fallsBackToRssWhenTheJournalFailsWithoutSkippingOrRepeating() throws Exception {
    PypiFeeds feed = new PypiFeeds(Optional.of(base + "/pypi"), Optional.of(base + "/rss"),
        base + "/pypi", http(), Clock.systemUTC(), 2);
    Cursor c = feed.start(true, Instant.EPOCH);
    assertThat(c.position()).startsWith("0|");

    FeedBatch b1 = feed.poll(c);
    assertThat(journalCalls).as("the journal was asked first").isPositive();
    assertThat(names(b1)).containsExactly("alpha-tool@0.1", "beta-tool@2.0rc1");
    assertThat(b1.more()).isTrue();
    assertThat(b1.lossy()).isFalse();
    assertThat(b1.events().get(0).expected()).isEqualTo(new ArtifactHash("sha256", sha));
    FeedBatch b2 = feed.poll(new Cursor(b1.next(), c.origin()));
    assertThat(names(b2)).containsExactly("demo-lib@1.1");
    assertThat(b2.more()).isFalse();
    FeedBatch b3 = feed.poll(new Cursor(b2.next(), c.origin()));
    assertThat(b3.events()).isEmpty();
    assertThat(b3.next()).isEqualTo(b2.next());

    // A release in the same second as the mark but after it in (name, version) order is new.
    rss.set(feedOf("zeta 1.0", "Tue, 01 Dec 2026 00:00:09 GMT", "demo-lib 1.1",
        "Tue, 01 Dec 2026 00:00:09 GMT", "beta-tool 2.0rc1", "Tue, 01 Dec 2026 00:00:05 GMT"));
    FeedBatch b4 = feed.poll(new Cursor(b3.next(), c.origin()));
    assertThat(names(b4)).containsExactly("zeta@1.0");
    assertThat(b4.lossy()).isFalse();

    // The window moved on past the mark: versions may have scrolled out unseen.
    rss.set(feedOf("omega 3.0", "Tue, 01 Dec 2026 01:00:00 GMT", "psi 2.0",
        "Tue, 01 Dec 2026 00:59:00 GMT"));
    FeedBatch b5 = feed.poll(new Cursor(b4.next(), c.origin()));
    assertThat(names(b5)).containsExactly("psi@2.0", "omega@3.0");
    assertThat(b5.lossy()).isTrue();
    // The journal's serial is kept: when it answers again it replays what RSS covered or lost.
    assertThat(b5.next()).startsWith("0|");
  }

  @Test
  void rssAloneFeedsTheEmbeddedMonitor(@TempDir Path state) throws Exception {
    MonitorConfig c = MonitorConfig.of(state, Optional.empty(), Optional.empty())
        .withPypiRss(Optional.of(base + "/rss")).withPypiJson(Optional.of(base + "/pypi"))
        .withFromBeginning(true).withUntilIdle(true);
    try (Embedded.Running r = Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
        Clock.systemUTC(), d -> { }, new EmbeddedMonitor.Listener() {})) {
      r.monitor().run();
      List<VerdictRecord> v = r.state().verdicts().query(VerdictStore.Query.all());
      assertThat(v).extracting(x -> x.key().name() + "@" + x.key().version())
          .containsExactly("alpha-tool@0.1", "beta-tool@2.0rc1", "demo-lib@1.1");
      assertThat(v).allMatch(x -> x.verdict() == MonitorVerdict.CLEAN);
    }
    assertThat(journalCalls).as("no journal configured").isZero();
  }

  @Test
  void rssWithoutJournalNeedsTheJsonApi(@TempDir Path state) {
    MonitorConfig c = MonitorConfig.of(state, Optional.empty(), Optional.empty())
        .withPypiRss(Optional.of(base + "/rss"));
    assertThatThrownBy(() -> Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
        Clock.systemUTC(), d -> { }, new EmbeddedMonitor.Listener() {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pypi-json");
  }

  private FeedHttp http() {
    return new FeedHttp(HttpClient.newHttpClient(), d -> { },
        new FeedHttp.Retry(2, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofSeconds(10));
  }

  private static List<String> names(FeedBatch b) {
    return b.events().stream().map(e -> e.key().name() + "@" + e.key().version()).toList();
  }

  /** An RSS body from title/pubDate pairs. */
  private static byte[] feedOf(String... titleDate) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
    for (int i = 0; i < titleDate.length; i += 2) {
      b.append("<item><title>").append(titleDate[i]).append("</title><pubDate>")
          .append(titleDate[i + 1]).append("</pubDate></item>");
    }
    return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      byte[] body;
      if (path.equals("/pypi") && x.getRequestMethod().equals("POST")) {
        synchronized (this) {
          journalCalls++;
        }
        x.sendResponseHeaders(500, -1);
        return;
      } else if (path.equals("/rss")) {
        body = rss.get();
      } else if (path.startsWith("/pypi/") && path.endsWith("/json")) {
        String[] p = path.split("/");
        String name = p[2];
        String version = p[3];
        body = ("{\"info\":{\"name\":\"" + name + "\",\"version\":\"" + version + "\"},\"urls\":["
            + "{\"filename\":\"" + name + "-" + version + ".tar.gz\",\"packagetype\":\"sdist\","
            + "\"url\":\"" + base + "/files/sdist.tar.gz\",\"digests\":{\"sha256\":\"" + sha
            + "\"},\"upload_time_iso_8601\":\"2026-12-01T00:00:01Z\"}]}")
            .getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/files/sdist.tar.gz")) {
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
    f.put("pkg-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: pkg\nVersion: 1.0\n"
        .getBytes(StandardCharsets.UTF_8));
    f.put("pkg-1.0/pkg/__init__.py", "def add(a, b):\n    return a + b\n"
        .getBytes(StandardCharsets.UTF_8));
    return Tarballs.tgz(f);
  }
}
