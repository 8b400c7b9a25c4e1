package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback npm registry with a CouchDB-style changes feed: packuments, tarballs, unpublishes,
 * a feed reset, bursts of 500s, truncated tarballs, wrong hashes and missing tarballs.
 */
final class FakeRegistry implements AutoCloseable {
  /** How a tarball is served. */
  enum Serve { OK, TRUNCATED, WRONG_HASH, MISSING }

  record Version(String name, String version, byte[] tgz, Serve serve, Instant published, int id) {}

  private static final ObjectMapper M = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, List<Version>> packages = new LinkedHashMap<>();
  private final Map<String, Boolean> unpublished = new LinkedHashMap<>();
  private final List<Object[]> changes = new ArrayList<>(); // {seq, id, deleted}
  private final List<Version> all = new ArrayList<>();
  private long seq;
  private int nextId;
  final AtomicInteger changesFailures = new AtomicInteger();
  final AtomicInteger changesRequests = new AtomicInteger();
  final AtomicInteger tarballRequests = new AtomicInteger();
  /** The next this-many tarball requests are answered with a 503 (a short outage). */
  final AtomicInteger tarballFailures = new AtomicInteger();
  /** Milliseconds each tarball download takes (to widen the window of a kill). */
  volatile int tarballDelayMs;
  private Instant clock = Instant.parse("2026-12-01T00:00:00Z");
  /** Stamp publications with the wall clock (latency benchmarks) instead of a fake clock. */
  volatile boolean wallClock;
  /** When above 0, every this-many-th request (feed, packument, tarball) gets a 500. */
  volatile int errorEvery;
  private final AtomicInteger metaRequests = new AtomicInteger();
  /** How many 500s {@link #errorEvery} injected. */
  final AtomicInteger injectedErrors = new AtomicInteger();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized Version publish(String name, String version, byte[] tgz, Serve serve) {
    clock = wallClock ? Instant.now() : clock.plusSeconds(60);
    Version v = new Version(name, version, tgz, serve, clock, nextId++);
    packages.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
    unpublished.remove(name);
    all.add(v);
    changes.add(new Object[] {++seq, name, false});
    return v;
  }

  synchronized void unpublish(String name) {
    unpublished.put(name, true);
    changes.add(new Object[] {++seq, name, true});
  }

  /** The database was recreated: sequence numbers start again; every live package is a change. */
  synchronized void reset() {
    changes.clear();
    seq = 0;
    for (String name : packages.keySet()) {
      if (!unpublished.containsKey(name)) {
        changes.add(new Object[] {++seq, name, false});
      }
    }
  }

  synchronized long lastSeq() {
    return seq;
  }

  /** Every publication, in order. */
  synchronized List<Version> published() {
    return List.copyOf(all);
  }

  /** Versions that should end with a verdict (published and never unpublished). */
  synchronized List<Version> live() {
    return all.stream().filter(v -> !unpublished.containsKey(v.name())).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getRawPath();
      int every = errorEvery;
      if (every > 0 && metaRequests.incrementAndGet() % every == 0) {
        injectedErrors.incrementAndGet();
        send(x, 500, "{\"error\":\"injected\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/_changes")) {
        changesRequests.incrementAndGet();
        if (changesFailures.get() > 0) {
          changesFailures.decrementAndGet();
          send(x, 500, "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8));
          return;
        }
        send(x, 200, changes(query(x)));
        return;
      }
      if (path.startsWith("/tarballs/")) {
        tarballRequests.incrementAndGet();
        if (tarballFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          send(x, 503, new byte[0]);
          return;
        }
        if (tarballDelayMs > 0) {
          try {
            Thread.sleep(tarballDelayMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        tarball(x, path.substring("/tarballs/".length()));
        return;
      }
      String name = URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
      byte[] doc = packument(name);
      send(x, doc == null ? 404 : 200, doc == null ? "{}".getBytes(StandardCharsets.UTF_8) : doc);
    }
  }

  private static Map<String, String> query(HttpExchange x) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = x.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  private synchronized byte[] changes(Map<String, String> q) {
    ObjectNode root = M.createObjectNode();
    ArrayNode results = root.putArray("results");
    int limit = Integer.parseInt(q.getOrDefault("limit", "1000"));
    if ("true".equals(q.get("descending"))) {
      root.put("last_seq", seq);
      return root.toString().getBytes(StandardCharsets.UTF_8);
    }
    long since = Long.parseLong(q.getOrDefault("since", "0"));
    long last = since > seq ? seq : since;
    int n = 0;
    for (Object[] c : changes) {
      if ((Long) c[0] <= since || n >= limit) {
        continue;
      }
      ObjectNode r = results.addObject();
      r.put("seq", (Long) c[0]);
      r.put("id", (String) c[1]);
      if ((Boolean) c[2]) {
        r.put("deleted", true);
      }
      r.putArray("changes").addObject().put("rev", "1-x");
      last = (Long) c[0];
      n++;
    }
    root.put("last_seq", last);
    root.put("pending", changes.stream().filter(c -> (Long) c[0] > root.path("last_seq").asLong()).count());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private synchronized byte[] packument(String name) {
    List<Version> vs = packages.get(name);
    if (vs == null) {
      return null;
    }
    ObjectNode root = M.createObjectNode();
    root.put("_id", name);
    root.put("name", name);
    ObjectNode time = root.putObject("time");
    if (unpublished.containsKey(name)) {
      time.putObject("unpublished").put("time", clock.toString());
      return root.toString().getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode versions = root.putObject("versions");
    for (Version v : vs) {
      ObjectNode o = versions.putObject(v.version());
      o.put("name", name);
      o.put("version", v.version());
      ObjectNode dist = o.putObject("dist");
      dist.put("tarball", url() + "/tarballs/" + v.id() + ".tgz");
      byte[] hashed = v.serve() == Serve.WRONG_HASH ? "other".getBytes(StandardCharsets.UTF_8) : v.tgz();
      dist.put("integrity", sri(hashed));
      time.put(v.version(), v.published().toString());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String sri(byte[] b) {
    try {
      return "sha512-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-512").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void tarball(HttpExchange x, String file) throws IOException {
    int id = Integer.parseInt(file.replace(".tgz", ""));
    Version v;
    synchronized (this) {
      v = all.stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }
    if (v == null || v.serve() == Serve.MISSING) {
      send(x, 404, new byte[0]);
      return;
    }
    if (v.serve() == Serve.TRUNCATED) {
      // Announce the whole length, send half, close: the client sees a truncated body.
      x.sendResponseHeaders(200, v.tgz().length);
      OutputStream out = x.getResponseBody();
      out.write(v.tgz(), 0, v.tgz().length / 2);
      out.flush();
      return;
    }
    send(x, 200, v.tgz());
  }

  private static void send(HttpExchange x, int code, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
