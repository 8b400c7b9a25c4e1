package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates against a loopback server that serves the real OSV archives. */
class AdvisoryUpdaterTest {
  private static final UpdateOptions FAST =
      new UpdateOptions(3, Duration.ofMillis(100), Duration.ofSeconds(20), Duration.ofSeconds(60),
          64L * 1024 * 1024);

  @TempDir Path dir;
  private HttpServer server;
  private HttpClient http;
  private URI base;
  private Path db;
  private final Map<String, byte[]> content = new ConcurrentHashMap<>();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    serve("/npm/all.zip", "npm-nswg.zip", "\"n1\"");
    serve("/PyPI/all.zip", "PyPI-pysec.zip", "\"p1\"");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    db = dir.resolve("cache/bulwark/advisories.db"); // folders created on first run
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(String path, String archive, String etag) throws IOException {
    content.put(path, Files.readAllBytes(TestData.osvArchives().resolve(archive)));
    etags.put(path, etag);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    log.add(path + (inm == null ? "" : " if-none-match " + inm));
    Integer fail = path.startsWith("/npm") ? failures.poll() : null;
    if (path.equals("/stall/all.zip")) {
      stall(ex);
      return;
    }
    byte[] body = content.get(path);
    if (fail != null || body == null) {
      ex.sendResponseHeaders(fail != null ? fail : 404, -1);
    } else if (etags.get(path).equals(inm)) {
      ex.sendResponseHeaders(304, -1);
    } else {
      ex.getResponseHeaders().add("ETag", etags.get(path));
      ex.getResponseHeaders().add("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
    ex.close();
  }

  /** Sends headers and a few bytes, then stops sending for longer than the client waits. */
  private static void stall(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 1000);
    OutputStream os = ex.getResponseBody();
    os.write(new byte[] {'P', 'K'});
    os.flush();
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close();
  }

  private AdvisoryUpdater updater(Runnable beforeSwap) {
    return new AdvisoryUpdater(AdvisoryImportTest.CLOCK, FAST, sleeps::add, beforeSwap);
  }

  private UpdateResult update() throws AdvisoryException {
    return updater(() -> {}).update(http, base, db);
  }

  private int count(Ecosystem e, AdvisoryKind k) throws AdvisoryException {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      return d.status().count(e, k);
    }
  }

  @Test
  void downloadsThenGetsNotModified() throws Exception {
    UpdateResult first = update();
    UpdateResult second = update();

    assertThat(first.changed()).isTrue();
    assertThat(first.sources()).extracting(SourceImport::name, SourceImport::records)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("npm", 467), org.assertj.core.groups.Tuple.tuple("PyPI", 2661));
    assertThat(second.changed()).isFalse();
    assertThat(second.sources()).allSatisfy(s -> assertThat(s.unchanged()).isTrue());
    assertThat(log).containsExactly("/npm/all.zip", "/PyPI/all.zip",
        "/npm/all.zip if-none-match \"n1\"", "/PyPI/all.zip if-none-match \"p1\"");
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      DbStatus st = d.status();
      assertThat(st.sources()).extracting(DbStatus.Source::name, DbStatus.Source::etag)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("PyPI", "\"p1\""), org.assertj.core.groups.Tuple.tuple("npm", "\"n1\""));
      assertThat(st.sources()).allSatisfy(s -> assertThat(s.location()).startsWith(base.toString()));
      assertThat(d.match(TestData.exact(Ecosystem.NPM, "lodash", "4.17.4"))).hasSize(2);
    }
  }

  @Test
  void keepsUnchangedSourceAndReplacesChangedOne() throws Exception {
    update();
    serve("/PyPI/all.zip", "MAL-PyPI-sample.zip", "\"p2\"");

    UpdateResult r = update();

    assertThat(r.sources()).extracting(SourceImport::name, SourceImport::unchanged)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("npm", true), org.assertj.core.groups.Tuple.tuple("PyPI", false));
    assertThat(count(Ecosystem.NPM, AdvisoryKind.VULNERABILITY)).isEqualTo(466);
    assertThat(count(Ecosystem.PYPI, AdvisoryKind.VULNERABILITY)).isZero();
    assertThat(count(Ecosystem.PYPI, AdvisoryKind.MALICIOUS)).isEqualTo(40);
  }

  @Test
  void truncatedArchiveKeepsTheOldDatabase() throws Exception {
    update();
    byte[] whole = content.get("/npm/all.zip");
    content.put("/npm/all.zip", Arrays.copyOf(whole, whole.length - 5000));
    etags.put("/npm/all.zip", "\"n2\"");

    assertThatThrownBy(this::update).isInstanceOf(AdvisoryException.class)
        .hasMessageContaining("npm/all.zip").hasMessageContaining("not a readable zip");

    assertThat(count(Ecosystem.NPM, AdvisoryKind.VULNERABILITY)).isEqualTo(466);
    assertThat(count(Ecosystem.PYPI, AdvisoryKind.VULNERABILITY)).isEqualTo(2651);
    try (var files = Files.list(db.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("advisories.db", "advisories.db.lock");
    }
  }

  @Test
  void retriesServerErrorsWithBackoff() throws Exception {
    failures.add(500);
    failures.add(429);

    UpdateResult r = update();

    assertThat(r.changed()).isTrue();
    assertThat(log.stream().filter(l -> l.startsWith("/npm"))).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void givesUpAfterTheLastAttemptAndOnClientErrors() throws Exception {
    failures.addAll(List.of(503, 503, 503));
    assertThatThrownBy(this::update).isInstanceOf(AdvisoryException.class)
        .hasMessageContaining("failed after 3 attempts (HTTP 503)");

    failures.add(403);
    assertThatThrownBy(this::update).isInstanceOf(AdvisoryException.class).hasMessageContaining("HTTP 403");
    assertThat(db).doesNotExist();
  }

  @Test
  void crashBeforeTheSwapLeavesTheOldDatabaseAndTheNextRunCleansUp() throws Exception {
    update();
    etags.put("/npm/all.zip", "\"n3\"");
    etags.put("/PyPI/all.zip", "\"p3\"");
    content.put("/PyPI/all.zip", content.get("/npm/all.zip"));
    Path building = DbFiles.building(db);

    assertThatThrownBy(() -> updater(() -> {
      assertThat(building).isNotEmptyFile();
      throw new IllegalStateException("simulated crash");
    }).update(http, base, db)).hasMessage("simulated crash");

    assertThat(count(Ecosystem.PYPI, AdvisoryKind.VULNERABILITY)).isEqualTo(2651);
    // A killed process would leave its scratch files behind: put them there.
    Files.write(building, new byte[] {1, 2, 3});
    Files.write(DbFiles.download(db, "npm"), new byte[] {4});

    assertThat(update().changed()).isTrue();
    assertThat(building).doesNotExist();
    assertThat(DbFiles.download(db, "npm")).doesNotExist();
    assertThat(count(Ecosystem.PYPI, AdvisoryKind.VULNERABILITY)).isZero();
  }

  @Test
  void singleArchiveSource() throws Exception {
    content.put("/mirror/osv.zip", content.get("/npm/all.zip"));
    etags.put("/mirror/osv.zip", "\"m1\"");

    UpdateResult r = updater(() -> {}).update(http, base.resolve("mirror/osv.zip"), db);

    assertThat(r.sources()).extracting(SourceImport::name).containsExactly("all");
    assertThat(count(Ecosystem.NPM, AdvisoryKind.VULNERABILITY)).isEqualTo(466);
  }

  @Test
  void abandonsAStalledDownload() {
    UpdateOptions impatient = new UpdateOptions(1, Duration.ZERO, Duration.ofSeconds(20),
        Duration.ofMillis(200), 1024);
    AdvisoryUpdater u = new AdvisoryUpdater(AdvisoryImportTest.CLOCK, impatient, sleeps::add, () -> {});

    assertThatThrownBy(() -> u.update(http, base.resolve("stall/all.zip"), db))
        .isInstanceOf(AdvisoryException.class).hasMessageEndingWith("failed after 1 attempts (download took longer than 200 ms)");
    assertThat(db).doesNotExist();
  }

  @Test
  void refusesNonHttpSources() {
    assertThatThrownBy(() -> updater(() -> {}).update(http, URI.create("file:///tmp/all.zip"), db))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining("not an http(s) URL");
  }

  @Test
  void plansPerEcosystemArchivesUnderABase() {
    assertThat(AdvisoryUpdater.plan(URI.create("http://127.0.0.1:1/osv")).values())
        .containsExactly(URI.create("http://127.0.0.1:1/osv/npm/all.zip"), URI.create("http://127.0.0.1:1/osv/PyPI/all.zip"));
  }
}
