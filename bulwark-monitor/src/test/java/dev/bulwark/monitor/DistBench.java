package dev.bulwark.monitor;

import dev.bulwark.monitor.postgres.PgState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark, not a test, of the distributed mode against a real Kafka broker and PostgreSQL
 * ({@link Services}), replaying real tarballs from the loopback fake registry: benign npm tarballs
 * from the corpus cache ({@code ~/.cache/bulwark-corpus/npm-longtail} and {@code …/npm}, each at
 * most 4 MB) interleaved with train-side malicious npm samples from ../shared/corpus (decrypted in
 * memory), repeated as needed. Run with the test classpath ({@code scripts/bench-monitor.sh
 * distributed|dist-latency}):
 *
 * <ul>
 *   <li>{@code DistBench throughput N}: versions/s of the embedded mode with 1 worker thread (the
 *       baseline of the ratios, same run), then the distributed mode with 1 and with 2 worker
 *       processes (started and idle in the group before the clock starts; the clock runs from
 *       the follower's start to the last verdict row); the peak RSS (VmHWM) of each worker
 *       process.
 *   <li>{@code DistBench latency STEADY_S BURST_S}: a follower in this JVM and 2 worker
 *       processes; one version a second for STEADY_S seconds, then ten a second for BURST_S
 *       seconds; publication (the registry's wall-clock publish time) to verdict (the row's
 *       judged time) p50/p95/p99 per phase.
 * </ul>
 */
final class DistBench {
  private DistBench() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "throughput";
    List<byte[]> tarballs = tarballs(mode.equals("throughput") ? Integer.parseInt(args[1]) : 400);
    System.out.printf(Locale.ROOT, "corpus: %d distinct tarballs, %.1f MB; cores=%d%n",
        tarballs.size(), tarballs.stream().mapToLong(b -> b.length).sum() / 1e6,
        Runtime.getRuntime().availableProcessors());
    EngineScan engine = EngineScan.defaults(List.of(), List.of());
    try (Services s = Services.start()) {
      if (mode.equals("throughput")) {
        int n = Integer.parseInt(args[1]);
        double embedded = embedded(n, tarballs, engine);
        System.out.printf(Locale.ROOT, "embedded, 1 worker thread: %.2f versions/s (baseline)%n",
            embedded);
        for (int w = 1; w <= 2; w++) {
          double rate = distributed(s, n, tarballs, engine, w);
          System.out.printf(Locale.ROOT, "distributed, %d worker process(es): %.2f versions/s"
              + " (%.2fx the baseline)%n", w, rate, rate / embedded);
        }
      } else {
        latency(s, tarballs, engine, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      }
    }
    System.exit(0);
  }

  /** Benign and malicious tarballs interleaved, up to {@code limit}. */
  static List<byte[]> tarballs(int limit) throws IOException {
    List<byte[]> benign = new ArrayList<>();
    Path cache = Path.of(System.getenv().getOrDefault("BULWARK_CORPUS_CACHE",
        System.getProperty("user.home") + "/.cache/bulwark-corpus"));
    for (String corpus : List.of("npm-longtail", "npm")) {
      Path dir = cache.resolve(corpus);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> st = Files.list(dir)) {
        for (Path p : st.filter(f -> f.toString().endsWith(".tgz")).sorted().toList()) {
          if (Files.size(p) <= (4L << 20) && benign.size() < limit) {
            benign.add(Files.readAllBytes(p));
          }
        }
      }
    }
    List<byte[]> bad = Corpus.npm(limit).stream().map(Corpus.Sample::tgz).toList();
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
      throw new IOException("no tarballs: fetch the corpora (see ../shared/README.md)");
    }
    return mixed;
  }

  /** Deletes a temp folder. */
  record Cleanup(Path dir) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try (var all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static FakeRegistry registry(int n, List<byte[]> tarballs, String tag) throws Exception {
    FakeRegistry reg = new FakeRegistry();
    for (int i = 0; i < n; i++) {
      reg.publish(tag + "-" + i, "1.0.0", tarballs.get(i % tarballs.size()),
          FakeRegistry.Serve.OK);
    }
    return reg;
  }

  static double embedded(int n, List<byte[]> tarballs, EngineScan engine) throws Exception {
    Path state = Files.createTempDirectory("bulwark-bench-embedded");
    try (FakeRegistry reg = registry(n, tarballs, "emb"); Cleanup x = new Cleanup(state)) {
      MonitorConfig c = DistProcess.config(state, reg.url(), true, 1).withBatch(100);
      long t0 = System.nanoTime();
      try (Embedded.Running r = Embedded.build(c, engine, Clock.systemUTC(), Sleeper.real(),
          new EmbeddedMonitor.Listener() {})) {
        r.monitor().run();
      }
      return reg.live().size() / ((System.nanoTime() - t0) / 1e9);
    }
  }

  private static List<Process> workers(Services s, String db, String npm, String tag, Path dir,
      int n) throws Exception {
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path log = dir.resolve("worker" + i + ".log");
      ps.add(new ProcessBuilder(Services.java(DistProcess.class.getName(),
          "kafka=" + s.kafka(), "postgres=" + db, "npm=" + npm, "prefix=" + tag,
          "state=" + dir.resolve("w" + i), "role=worker")).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start());
    }
    for (int i = 0; i < n; i++) {
      Path log = dir.resolve("worker" + i + ".log");
      while (!Files.readString(log).contains("started")) {
        Thread.sleep(200);
      }
    }
    Thread.sleep(3000); // let the group settle on its members
    return ps;
  }

  /** Prints each worker's peak RSS, then kills it. */
  private static void stop(List<Process> ps) throws Exception {
    for (Process p : ps) {
      System.out.printf(Locale.ROOT, "  worker process %d: peak RSS %d MB (-Xmx512m)%n", p.pid(),
          peakRssKb(p.pid()) / 1024);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  static long peakRssKb(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or gone
    }
    return 0;
  }

  static double distributed(Services s, int n, List<byte[]> tarballs, EngineScan engine,
      int workers) throws Exception {
    String tag = "w" + workers;
    String db = s.database("bench_" + tag);
    Path dir = Files.createTempDirectory("bulwark-bench-" + tag);
    List<Process> ps = List.of();
    try (FakeRegistry reg = registry(n, tarballs, tag); PgState pg = PgState.open(db, 2);
        Cleanup x = new Cleanup(dir)) {
      ps = workers(s, db, reg.url(), tag, dir, workers);
      MonitorConfig c = DistProcess.config(dir.resolve("f"), reg.url(), true, 1).withBatch(100);
      long t0 = System.nanoTime();
      try (Distributed.Running r = Distributed.build(c, DistProcess.options(s.kafka(), db, tag,
          Distributed.Role.FOLLOWER), engine, Clock.systemUTC(), Sleeper.real(),
          new EmbeddedMonitor.Listener() {})) {
        r.monitor().run();
      }
      int want = reg.live().size();
      while (pg.verdicts().query(VerdictStore.Query.all()).size() < want) {
        Thread.sleep(100);
      }
      return want / ((System.nanoTime() - t0) / 1e9);
    } finally {
      stop(ps);
    }
  }

  static void latency(Services s, List<byte[]> tarballs, EngineScan engine, int steady,
      int burst) throws Exception {
    String tag = "lat";
    String db = s.database("bench_lat");
    Path dir = Files.createTempDirectory("bulwark-bench-lat");
    List<Process> ps = List.of();
    try (FakeRegistry reg = new FakeRegistry(); PgState pg = PgState.open(db, 2);
        Cleanup x = new Cleanup(dir)) {
      reg.wallClock = true;
      ps = workers(s, db, reg.url(), tag, dir, 2);
      MonitorConfig c = DistProcess.config(dir.resolve("f"), reg.url(), false, 1)
          .withPolling(Duration.ofSeconds(1), FeedHttp.Retry.defaults());
      try (Distributed.Running r = Distributed.build(c, DistProcess.options(s.kafka(), db, tag,
          Distributed.Role.FOLLOWER), engine, Clock.systemUTC(), Sleeper.real(),
          new EmbeddedMonitor.Listener() {})) {
        Thread t = new Thread(() -> {
          try {
            r.monitor().run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        t.start();
        int i = 0;
        for (int sec = 0; sec < steady; sec++) {
          reg.publish("steady-" + i, "1.0.0", tarballs.get(i++ % tarballs.size()),
              FakeRegistry.Serve.OK);
          Thread.sleep(1000);
        }
        for (int k = 0; k < burst * 10; k++) {
          reg.publish("burst-" + i, "1.0.0", tarballs.get(i++ % tarballs.size()),
              FakeRegistry.Serve.OK);
          Thread.sleep(100);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        List<VerdictRecord> vs;
        do {
          Thread.sleep(500);
          vs = pg.verdicts().query(VerdictStore.Query.all());
        } while (vs.size() < i && System.nanoTime() < deadline);
        r.monitor().stop();
        t.join();
        report("steady 1/s", vs, "steady-");
        report("burst 10/s", vs, "burst-");
      }
    } finally {
      stop(ps);
    }
  }

  static void report(String phase, List<VerdictRecord> vs, String prefix) {
    List<Long> ms = vs.stream().filter(v -> v.key().name().startsWith(prefix))
        .map(v -> Duration.between(v.event().published(), v.judged()).toMillis()).sorted()
        .toList();
    if (ms.isEmpty()) {
      return;
    }
    System.out.printf(Locale.ROOT, "distributed latency %s: %d versions, publication to verdict"
        + " p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s%n", phase, ms.size(),
        pct(ms, 50) / 1e3, pct(ms, 95) / 1e3, pct(ms, 99) / 1e3, ms.get(ms.size() - 1) / 1e3);
  }

  static double pct(List<Long> sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
  }
}
