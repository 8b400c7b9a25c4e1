package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.Catalogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --deep against a loopback server serving tarballs built here. */
class DeepScanTest {
  private static final StaticAnalyzer ANALYZER = new StaticAnalyzer(Catalogs.load(List.of()));
  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] b = served.get(ex.getRequestURI().getPath());
      ex.sendResponseHeaders(b == null ? 404 : 200, b == null ? -1 : b.length);
      if (b != null) {
        ex.getResponseBody().write(b);
      }
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchesVerifiesScansAndCaches(@TempDir Path tmp) throws Exception {
    byte[] benign = tgz(Map.of("package/package.json",
        "{\"name\":\"pad-left-tiny\",\"version\":\"1.0.0\",\"main\":\"index.js\"}",
        "package/index.js", resource("benign-index.js")));
    byte[] evil = tgz(Map.of("package/package.json", resource("malicious-package.json"),
        "package/index.js", resource("malicious-index.js")));
    byte[] swapped = tgz(Map.of("package/package.json",
        "{\"name\":\"other\",\"version\":\"2.0.0\"}", "package/index.js", "module.exports = 2;"));
    served.put("/pad-left-tiny/-/pad-left-tiny-1.0.0.tgz", benign);
    served.put("/pad-utils-pro/-/pad-utils-pro-1.0.1.tgz", evil);
    served.put("/other/-/other-2.0.0.tgz", swapped);
    String lock = "{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{"
        + "\"\":{\"name\":\"app\",\"dependencies\":{\"pad-left-tiny\":\"1.0.0\",\"pad-utils-pro\":\"1.0.1\",\"other\":\"2.0.0\"}},"
        + entry("pad-left-tiny", "1.0.0", base + "/pad-left-tiny/-/pad-left-tiny-1.0.0.tgz", sri(benign)) + ","
        + entry("pad-utils-pro", "1.0.1", base + "/pad-utils-pro/-/pad-utils-pro-1.0.1.tgz", sri(evil)) + ","
        + entry("other", "2.0.0", "", sri(benign).replace("sha512-", "sha512-A"))
        + "}}";
    ProjectTree tree = new ProjectTree("app", "folder", List.of(
        file("package.json", "{\"name\":\"app\",\"version\":\"1.0.0\",\"dependencies\":{\"pad-left-tiny\":\"1.0.0\"}}"),
        file("package-lock.json", lock),
        file(".npmrc", "registry=" + base + "/\n")), List.of(), List.of());

    List<DeepScan.Outcome> first;
    try (VerdictCache cache = VerdictCache.open(tmp.resolve("verdicts.db"), "test")) {
      first = deep(cache).run(tree, Extractors.all());
    }
    assertThat(first).extracting(o -> o.dependency().name() + " " + o.status() + " " + o.verdict())
        .containsExactlyInAnyOrder("pad-left-tiny SCANNED CLEAN",
            "pad-utils-pro SCANNED MALICIOUS", "other INTEGRITY_MISMATCH CLEAN");
    assertThat(first.stream().filter(o -> o.dependency().name().equals("other")).findFirst()
        .orElseThrow().url()).isEqualTo(base + "/other/-/other-2.0.0.tgz");
    assertThat(requests.get()).isEqualTo(3);

    List<DeepScan.Outcome> second;
    try (VerdictCache cache = VerdictCache.open(tmp.resolve("verdicts.db"), "test")) {
      second = deep(cache).run(tree, Extractors.all());
    }
    assertThat(second).extracting(o -> o.dependency().name() + " " + o.status())
        .containsExactlyInAnyOrder("pad-left-tiny CACHED", "pad-utils-pro CACHED",
            "other INTEGRITY_MISMATCH");
    assertThat(requests.get()).isEqualTo(4); // only the mismatching one was fetched again

    assertThat(DeepScan.findings(first)).extracting(f -> f.ruleId()).containsExactlyInAnyOrder(
        "project-dependency-integrity-mismatch", "project-dependency-tarball-malicious");
    ProjectScanner ps = new ProjectScanner(ANALYZER, Optional.empty(), Extractors.all());
    ProjectResult r = ProjectScanner.withDeep(ps.scan(tree), second);
    assertThat(r.scan().verdict()).isEqualTo(Verdict.MALICIOUS);
  }

  @Test
  void verifiesSriValues() throws Exception {
    byte[] b = "hello".getBytes(StandardCharsets.UTF_8);
    assertThat(DeepScan.verify(sri(b), b)).isEmpty();
    String sha1 = "sha1-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-1").digest(b));
    assertThat(DeepScan.verify(sha1, b)).isEmpty();
    assertThat(DeepScan.verify(sha1 + " " + sri(b), b)).isEmpty();
    assertThat(DeepScan.verify(sri(b), "hellO".getBytes(StandardCharsets.UTF_8))).isPresent();
    assertThat(DeepScan.verify("md5-xyz", b)).isPresent();
    assertThat(DeepScan.registryOf("# c\nregistry = http://127.0.0.1:4873\n"))
        .contains("http://127.0.0.1:4873/");
  }

  private DeepScan deep(VerdictCache cache) {
    return new DeepScan(ANALYZER, ReaderLimits.defaults(), HttpClient.newHttpClient(), cache,
        Optional.empty(), Duration.ofSeconds(20));
  }

  private static String entry(String name, String version, String resolved, String integrity) {
    return "\"node_modules/" + name + "\":{\"version\":\"" + version + "\","
        + (resolved.isEmpty() ? "" : "\"resolved\":\"" + resolved + "\",")
        + "\"integrity\":\"" + integrity + "\"}";
  }

  private static String sri(byte[] b) throws Exception {
    return "sha512-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-512").digest(b));
  }

  private static ArtifactFile file(String path, String text) {
    return new ArtifactFile(path, text.getBytes(StandardCharsets.UTF_8), false);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DeepScanTest.class.getResourceAsStream("deep/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] tgz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(files).entrySet()) {
        byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry te = new TarArchiveEntry(e.getKey());
        te.setSize(b.length);
        t.putArchiveEntry(te);
        t.write(b);
        t.closeArchiveEntry();
      }
    }
    return bo.toByteArray();
  }
}
