package dev.bulwark.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.eval.Split;
import dev.bulwark.monitor.Embedded;
import dev.bulwark.monitor.EmbeddedMonitor;
import dev.bulwark.monitor.EngineScan;
import dev.bulwark.monitor.FeedHttp;
import dev.bulwark.monitor.Judge;
import dev.bulwark.monitor.MonitorConfig;
import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.VerdictRecord;
import dev.bulwark.monitor.VerdictStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.LocalFileHeader;

/**
 * The registry-monitor benchmark (issue 11), embedded mode. A loopback registry replays a feed of
 * real tarballs (the long-tail benign npm corpus and the train side of the malicious npm corpus,
 * repeated as needed; malicious samples are decrypted in memory only).
 *
 * <ul>
 *   <li>{@code throughput N WORKERS…}: N versions published at once, judged until idle; versions/s
 *       per worker count, the same tarballs scanned directly with the engine on one thread as the
 *       baseline of the same run, and CPU-ms per version by size class.
 *   <li>{@code latency STEADY_S BURST_S}: one version a second for STEADY_S seconds, then ten a
 *       second for BURST_S seconds; publication-to-verdict p50/p95/p99 of each phase.
 * </ul>
 * Peak RSS is this JVM's VmHWM (it includes the loopback registry and the tarballs it holds).
 */
public final class MonitorBench {
  private MonitorBench() {}

  public static void main(String[] args) throws Exception {
    int limit = args[0].equals("throughput") ? Integer.parseInt(args[1]) : 400;
    List<byte[]> tarballs = tarballs(limit);
    System.out.printf(Locale.ROOT, "corpus: %d distinct tarballs, %.1f MB%n", tarballs.size(),
        tarballs.stream().mapToLong(b -> b.length).sum() / 1e6);
    switch (args[0]) {
      case "throughput" -> {
        int n = Integer.parseInt(args[1]);
        if (!"nobaseline".equals(System.getenv("MONITOR_BENCH"))) {
          baseline(tarballs, n);
        }
        for (int i = 2; i < args.length; i++) {
          throughput(tarballs, n, Integer.parseInt(args[i]));
        }
      }
      case "latency" -> latency(tarballs, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("throughput N W… | latency STEADY_S BURST_S");
    }
    System.out.printf(Locale.ROOT, "peak RSS of this JVM: %d MB%n", peakRssKb() / 1024);
    System.out.flush();
    // The loopback server's and the HTTP client's threads would keep the JVM up.
    System.exit(0);
  }

  static void baseline(List<byte[]> tarballs, int n) throws IOException {
    EngineScan engine = EngineScan.defaults(List.of(), List.of());
    Path dir = Files.createTempDirectory("bench-monitor-base");
    int sample = Math.min(Math.min(n, tarballs.size()),
        Integer.parseInt(System.getenv().getOrDefault("MONITOR_BENCH_BASELINE", "1000000")));
    long t0 = System.nanoTime();
    for (int i = 0; i < sample; i++) {
      Path f = dir.resolve(i + ".tgz");
      Files.write(f, tarballs.get(i % tarballs.size()));
      engine.scan(f, f.getFileName().toString());
      Files.delete(f);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Files.delete(dir);
    System.out.printf(Locale.ROOT, "baseline: engine scan of %d tarballs on one thread, no feed,"
        + " queue or store: %.1f s, %.1f versions/s%n", sample, secs, sample / secs);
    baselineRate = sample / secs;
  }

  private static double baselineRate;

  static void throughput(List<byte[]> tarballs, int n, int workers) throws Exception {
    Path state = Files.createTempDirectory("bench-monitor");
    try (Registry reg = new Registry()) {
      for (int i = 0; i < n; i++) {
        reg.publish("bench-" + i, "1.0.0", tarballs.get(i % tarballs.size()));
      }
      Map<String, long[]> cpu = new ConcurrentHashMap<>();
      MonitorConfig c = MonitorConfig.of(state, Optional.of(reg.url()), Optional.empty())
          .withFromBeginning(true).withUntilIdle(true).withWorkers(workers).withBatch(200);
      long t0 = System.nanoTime();
      long judged;
      try (Embedded.Running r = Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
          Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {},
          j -> cpuMeasured(j, reg, cpu))) {
        judged = r.monitor().run().judged();
        if (r.workers() != workers) {
          System.out.println("(workers lowered to " + r.workers() + " by the heap)");
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "throughput, %d worker(s): %d versions judged in %.1f s ="
          + " %.1f versions/s (%.2fx the baseline)%n", workers, judged, secs, judged / secs,
          judged / secs / baselineRate);
      for (Map.Entry<String, long[]> e : workers == 1 ? new TreeMap<>(cpu).entrySet()
          : new TreeMap<String, long[]>().entrySet()) {
        System.out.printf(Locale.ROOT, "  CPU per version, %-12s %5d versions, mean %.1f ms%n",
            e.getKey(), e.getValue()[0], e.getValue()[1] / 1e6 / Math.max(1, e.getValue()[0]));
      }
    } finally {
      delete(state);
    }
  }

  /**
   * Each judgement's CPU time, as the process's CPU time around it: the engine scans on its own
   * pool thread, so the worker thread's time alone would miss the scan. Only meaningful with one
   * worker (the other threads, follower and loopback registry, idle meanwhile).
   */
  static Judge cpuMeasured(Judge inner, Registry reg, Map<String, long[]> cpu) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    return (e, prev) -> {
      long c0 = os.getProcessCpuTime();
      VerdictRecord r = inner.judge(e, prev);
      long used = os.getProcessCpuTime() - c0;
      String cls = sizeClass(reg.size(e.key().name()));
      cpu.compute(cls, (k, v) -> v == null ? new long[] {1, used} : new long[] {v[0] + 1, v[1] + used});
      return r;
    };
  }

  static String sizeClass(long bytes) {
    return bytes < 10_000 ? "a <10 KB" : bytes < 100_000 ? "b 10-100 KB"
        : bytes < 1_000_000 ? "c 0.1-1 MB" : "d >1 MB";
  }

  static void latency(List<byte[]> tarballs, int steady, int burst) throws Exception {
    Path state = Files.createTempDirectory("bench-monitor-lat");
    try (Registry reg = new Registry()) {
      MonitorConfig c = MonitorConfig.of(state, Optional.of(reg.url()), Optional.empty())
          .withFromBeginning(true).withWorkers(2)
          .withPolling(Duration.ofSeconds(1), FeedHttp.Retry.defaults());
      try (Embedded.Running r = Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
          Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {})) {
        Thread t = new Thread(() -> {
          try {
            r.monitor().run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        t.start();
        int i = 0;
        for (int s = 0; s < steady; s++) {
          reg.publish("steady-" + i, "1.0.0", tarballs.get(i++ % tarballs.size()));
          Thread.sleep(1000);
        }
        for (int s = 0; s < burst * 10; s++) {
          reg.publish("burst-" + i, "1.0.0", tarballs.get(i++ % tarballs.size()));
          Thread.sleep(100);
        }
        int total = i;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        List<VerdictRecord> vs;
        do {
          Thread.sleep(500);
          vs = r.state().verdicts().query(VerdictStore.Query.all());
        } while (vs.size() < total && System.nanoTime() < deadline);
        r.monitor().stop();
        t.join();
        report("steady 1/s", vs, "steady-");
        report("burst 10/s", vs, "burst-");
      }
    } finally {
      delete(state);
    }
  }

  static void report(String phase, List<VerdictRecord> vs, String prefix) {
    List<Long> ms = vs.stream().filter(v -> v.key().name().startsWith(prefix))
        .map(v -> Duration.between(v.event().published(), v.judged()).toMillis()).sorted().toList();
    if (ms.isEmpty()) {
      return;
    }
    System.out.printf(Locale.ROOT, "latency %s: %d versions, publication to verdict p50 %.2f s,"
        + " p95 %.2f s, p99 %.2f s, max %.2f s%n", phase, ms.size(), pct(ms, 50) / 1e3,
        pct(ms, 95) / 1e3, pct(ms, 99) / 1e3, ms.get(ms.size() - 1) / 1e3);
  }

  static double pct(List<Long> sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
  }

  /** Tarballs larger than this are left out, so that the corpus held in memory stays small. */
  static final long MAX_TARBALL = 4L << 20;

  /**
   * Up to {@code limit} tarballs, benign and malicious interleaved: benign npm tarballs from the
   * corpus cache (long-tail, then the popular set; each at most {@link #MAX_TARBALL}) and
   * train-side malicious npm samples.
   */
  static List<byte[]> tarballs(int limit) throws IOException {
    List<byte[]> benign = new ArrayList<>();
    List<byte[]> bad = new ArrayList<>();
    List<byte[]> out = benign;
    String cache = System.getenv().getOrDefault("BULWARK_CORPUS_CACHE",
        System.getProperty("user.home") + "/.cache/bulwark-corpus");
    for (String corpus : List.of("npm-longtail", "npm")) {
      Path dir = Path.of(cache, corpus);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".tgz")).sorted().toList()) {
          if (Files.size(p) <= MAX_TARBALL && out.size() < limit) {
            out.add(Files.readAllBytes(p));
          }
        }
      }
    }
    Path mal = Path.of("../shared/corpus/malicious/samples/npm/malicious_intent");
    if (Files.isDirectory(mal)) {
      Split train = Split.parse("train", 5, Split.DEFAULT_SEED);
      try (Stream<Path> s = Files.walk(mal)) {
        for (Path z : s.filter(f -> f.toString().endsWith(".zip")).sorted().toList()) {
          String name = mal.relativize(z).getName(0).toString().replace('@', '/');
          name = name.startsWith("/") ? "@" + name.substring(1) : name;
          if (train.isValidation(name)) {
            continue;
          }
          byte[] b = bad.size() < limit ? inner(z) : null;
          if (b != null) {
            bad.add(b);
          }
        }
      }
    }
    List<byte[]> mixed = new ArrayList<>();
    for (int i = 0; mixed.size() < limit && (i < benign.size() || i < bad.size()); i++) {
      if (i < benign.size()) {
        mixed.add(benign.get(i));
      }
      if (i < bad.size() && mixed.size() < limit) {
        mixed.add(bad.get(i));
      }
    }
    if (mixed.isEmpty()) {
      throw new IOException("no tarballs: fetch the long-tail corpus (see ../shared/README.md)");
    }
    return mixed;
  }

  private static byte[] inner(Path zip) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in, "infected".toCharArray())) {
      LocalFileHeader h;
      while ((h = z.getNextEntry()) != null) {
        if (h.getFileName().endsWith(".tgz")) {
          return z.readAllBytes();
        }
      }
    }
    return null;
  }

  private static long peakRssKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return 0;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A loopback registry: CouchDB-style changes, packuments, tarballs. */
  static final class Registry implements AutoCloseable {
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "bench-registry");
      t.setDaemon(true);
      return t;
    });
    private final List<String[]> changes = new ArrayList<>(); // name, version
    private final Map<String, byte[]> tgz = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();

    Registry() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.setExecutor(pool);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void publish(String name, String version, byte[] bytes) {
      tgz.put(name, bytes);
      published.put(name, Instant.now().toString());
      changes.add(new String[] {name, version});
    }

    synchronized long size(String name) {
      byte[] b = tgz.get(name);
      return b == null ? 0 : b.length;
    }

    private void handle(HttpExchange x) throws IOException {
      try (x) {
        String path = x.getRequestURI().getRawPath();
        byte[] body;
        if (path.equals("/_changes")) {
          body = changes(x.getRequestURI().getRawQuery());
        } else if (path.startsWith("/t/")) {
          synchronized (this) {
            body = tgz.get(path.substring(3, path.length() - 4));
          }
        } else {
          body = packument(URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8));
        }
        if (body == null) {
          x.sendResponseHeaders(404, -1);
          return;
        }
        x.sendResponseHeaders(200, body.length);
        try (OutputStream o = x.getResponseBody()) {
          o.write(body);
        }
      }
    }

    private synchronized byte[] changes(String q) {
      Map<String, String> p = new HashMap<>();
      for (String kv : (q == null ? "" : q).split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          p.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      if ("true".equals(p.get("descending"))) {
        return ("{\"results\":[],\"last_seq\":" + changes.size() + "}").getBytes(StandardCharsets.UTF_8);
      }
      int since = Integer.parseInt(p.getOrDefault("since", "0"));
      int limit = Integer.parseInt(p.getOrDefault("limit", "100"));
      StringBuilder b = new StringBuilder("{\"results\":[");
      int end = Math.min(changes.size(), since + limit);
      for (int i = since; i < end; i++) {
        b.append(i > since ? "," : "").append("{\"seq\":").append(i + 1).append(",\"id\":\"")
            .append(changes.get(i)[0]).append("\"}");
      }
      b.append("],\"last_seq\":").append(Math.max(since, end)).append(",\"pending\":")
          .append(changes.size() - Math.max(since, end)).append("}");
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized byte[] packument(String name) {
      byte[] b = tgz.get(name);
      if (b == null) {
        return null;
      }
      String sri;
      try {
        sri = "sha512-" + Base64.getEncoder().encodeToString(
            MessageDigest.getInstance("SHA-512").digest(b));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      return ("{\"name\":\"" + name + "\",\"versions\":{\"1.0.0\":{\"dist\":{\"tarball\":\""
          + url() + "/t/" + name + ".tgz\",\"integrity\":\"" + sri + "\"}}},\"time\":{\"1.0.0\":\""
          + published.get(name) + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
