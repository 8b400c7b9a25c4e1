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
 *       process. Environment: {@code EMBEDDED} (worker-thread counts of the embedded runs,
 *       default {@code 1}; the first is the baseline), {@code BASELINE_VERSIONS} (versions of the
 *       embedded runs, default N), {@code DIST_WORKERS} (worker-process counts, default
 *       {@code 1 2}).
 *   <li>{@code DistBench latency STEADY_S BURST_S [RATE]}: a follower in this JVM and 2 worker
 *       processes; RATE versions a second (default 1) for STEADY_S seconds, then ten times RATE
 *       for BURST_S seconds; publication (the registry's wall-clock publish time) to verdict (the
 *       row's judged time) p50/p95/p99 per phase.
 * </ul>
 *
 * <p>Worker processes run with the JVM's full tiered JIT (the tests' children stop at C1 to
 * start fast; a benchmark measures long scans). Every phase prints the load average.
 */
final class DistBench {
  private static final java.util.concurrent.atomic.AtomicInteger PHASE =
      new java.util.concurrent.atomic.AtomicInteger();

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
        int nb = Integer.parseInt(System.getenv().getOrDefault("BASELINE_VERSIONS", args[1]));
        double baseline = 0;
        for (String w : System.getenv().getOrDefault("EMBEDDED", "1").trim().split("\\s+")) {
          if (w.isEmpty() || w.equals("0")) {
            continue;
          }
          System.out.println(load("embedded, " + w + " worker thread(s), start"));
          double rate = embedded(nb, tarballs, engine, Integer.parseInt(w));
          baseline = baseline == 0 ? rate : baseline;
          System.out.printf(Locale.ROOT, "embedded, %s worker thread(s), %d versions: %.2f"
              + " versions/s (%.2fx the baseline) %s; peak RSS of this JVM so far %d MB (it"
              + " holds the loopback registry's tarballs too)%n", w, nb, rate, rate / baseline,
              load("end"), peakRssKb(ProcessHandle.current().pid()) / 1024);
        }
        for (String w : System.getenv().getOrDefault("DIST_WORKERS", "1 2").trim()
            .split("\\s+")) {
          System.out.println(load("distributed, " + w + " worker process(es), start"));
          double rate = distributed(s, n, tarballs, engine, Integer.parseInt(w));
          System.out.printf(Locale.ROOT, "distributed, %s worker process(es), %d versions: %.2f"
              + " versions/s (%.2fx the baseline) %s%n", w, n, rate,
              baseline == 0 ? 0 : rate / baseline, load("end"));
        }
      } else {
        latency(s, tarballs, engine, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
            args.length > 3 ? Double.parseDouble(args[3]) : 1);
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

  /** The load average (/proc/loadavg's first three), labelled. */
  static String load(String label) {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return "[" + label + ": load " + f[0] + " " + f[1] + " " + f[2] + "]";
    } catch (IOException e) {
      return "[" + label + "]";
    }
  }

  static double embedded(int n, List<byte[]> tarballs, EngineScan engine, int workers)
      throws Exception {
    Path state = Files.createTempDirectory("bulwark-bench-embedded");
    try (FakeRegistry reg = registry(n, tarballs, "emb" + workers);
        Cleanup x = new Cleanup(state)) {
      MonitorConfig c = DistProcess.config(state, reg.url(), true, workers).withBatch(100);
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
      List<String> cmd = new ArrayList<>(Services.java(DistProcess.class.getName(),
          "kafka=" + s.kafka(), "postgres=" + db, "npm=" + npm, "prefix=" + tag,
          "state=" + dir.resolve("w" + i), "role=worker"));
      cmd.remove("-XX:TieredStopAtLevel=1");
      // WORKER_JVM_OPTS: extra flags for the worker processes (e.g. native memory tracking)
      String extra = System.getenv().getOrDefault("WORKER_JVM_OPTS", "").trim();
      if (!extra.isEmpty()) {
        cmd.addAll(1, List.of(extra.split("\\s+")));
      }
      ps.add(new ProcessBuilder(cmd).redirectErrorStream(true)
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
    // a database and topics per phase: DIST_WORKERS may repeat a count ("1 2 2 1")
    String tag = "w" + workers + "r" + PHASE.incrementAndGet();
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
      int burst, double rate) throws Exception {
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
        System.out.println(load("steady " + rate + "/s for " + steady + " s, start"));
        int i = 0;
        i = publishAt(reg, tarballs, "steady-", i, rate, steady);
        System.out.println(load("burst " + rate * 10 + "/s for " + burst + " s, start"));
        i = publishAt(reg, tarballs, "burst-", i, rate * 10, burst);
        System.out.println(load("burst end"));
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        List<VerdictRecord> vs;
        do {
          Thread.sleep(500);
          vs = pg.verdicts().query(VerdictStore.Query.all());
        } while (vs.size() < i && System.nanoTime() < deadline);
        r.monitor().stop();
        t.join();
        System.out.println(load("all judged (" + vs.size() + " of " + i + ")"));
        report("steady " + rate + "/s", vs, "steady-");
        report("burst " + rate * 10 + "/s", vs, "burst-");
      }
    } finally {
      stop(ps);
    }
  }

  /** Publishes {@code rate} versions a second for {@code seconds}, on a fixed schedule. */
  static int publishAt(FakeRegistry reg, List<byte[]> tarballs, String prefix, int from,
      double rate, int seconds) throws Exception {
    int i = from;
    long t0 = System.nanoTime();
    long count = Math.round(rate * seconds);
    for (long k = 0; k < count; k++) {
      long due = t0 + (long) (k * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      reg.publish(prefix + i, "1.0.0", tarballs.get(i++ % tarballs.size()),
          FakeRegistry.Serve.OK);
    }
    return i;
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
