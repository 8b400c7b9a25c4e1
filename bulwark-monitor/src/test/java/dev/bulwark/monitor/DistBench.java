package dev.bulwark.monitor;

import dev.bulwark.monitor.postgres.PgState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: versions judged per second by the distributed mode with 1 and with 2
 * worker processes, next to the embedded mode with 1 worker thread measured in the same run (the
 * baseline of the ratios). Replays N versions (benign tarballs plus real malicious ones from
 * ../shared/corpus, repeated) from the loopback fake registry; the clock runs from the
 * follower's start to the last verdict row. Run with the test classpath:
 * {@code java -cp CP dev.bulwark.monitor.DistBench [N]}.
 */
final class DistBench {
  private DistBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    List<Corpus.Sample> samples = Corpus.npm(20);
    EngineScan engine = EngineScan.defaults(List.of(), List.of());
    try (Services s = Services.start()) {
      double embedded = embedded(n, samples, engine);
      double one = distributed(s, n, samples, engine, 1);
      double two = distributed(s, n, samples, engine, 2);
      System.out.printf(Locale.ROOT, "versions=%d malicious-samples=%d cores=%d%n", n,
          samples.size(), Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "embedded, 1 worker thread:    %.1f versions/s (baseline)%n",
          embedded);
      System.out.printf(Locale.ROOT, "distributed, 1 worker process: %.1f versions/s (%.2fx)%n",
          one, one / embedded);
      System.out.printf(Locale.ROOT, "distributed, 2 worker processes: %.1f versions/s (%.2fx)%n",
          two, two / embedded);
    }
    System.exit(0);
  }

  /** Deletes a temp folder. */
  record Cleanup(Path dir) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      try (var all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static FakeRegistry registry(int n, List<Corpus.Sample> samples, String tag) throws Exception {
    FakeRegistry reg = new FakeRegistry();
    for (int i = 0; i < n; i++) {
      if (!samples.isEmpty() && i % 10 == 0) {
        Corpus.Sample x = samples.get((i / 10) % samples.size());
        reg.publish(tag + "-" + x.name(), x.version() + "-r" + i, x.tgz(), FakeRegistry.Serve.OK);
      } else {
        String name = tag + "-lib-" + (i % 50);
        reg.publish(name, "1.0." + i, Tarballs.plain(name, "1.0." + i), FakeRegistry.Serve.OK);
      }
    }
    return reg;
  }

  static double embedded(int n, List<Corpus.Sample> samples, EngineScan engine)
      throws Exception {
    Path state = Files.createTempDirectory("bulwark-bench-embedded");
    try (FakeRegistry reg = registry(n, samples, "emb"); Cleanup x = new Cleanup(state)) {
      MonitorConfig c = DistProcess.config(state, reg.url(), true, 1).withBatch(100);
      long t0 = System.nanoTime();
      try (Embedded.Running r = Embedded.build(c, engine, Clock.systemUTC(), Sleeper.real(),
          new EmbeddedMonitor.Listener() {})) {
        r.monitor().run();
      }
      return reg.live().size() / ((System.nanoTime() - t0) / 1e9);
    }
  }

  static double distributed(Services s, int n, List<Corpus.Sample> samples, EngineScan engine,
      int workers) throws Exception {
    String tag = "w" + workers;
    String db = s.database("bench_" + tag);
    Path dir = Files.createTempDirectory("bulwark-bench-" + tag);
    List<Process> ps = new ArrayList<>();
    try (FakeRegistry reg = registry(n, samples, tag); PgState pg = PgState.open(db, 2);
        Cleanup x = new Cleanup(dir)) {
      for (int i = 0; i < workers; i++) {
        Path log = dir.resolve("worker" + i + ".log");
        ps.add(new ProcessBuilder(Services.java(DistProcess.class.getName(),
            "kafka=" + s.kafka(), "postgres=" + db, "npm=" + reg.url(), "prefix=" + tag,
            "state=" + dir.resolve("w" + i), "role=worker")).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start());
      }
      for (int i = 0; i < workers; i++) {
        Path log = dir.resolve("worker" + i + ".log");
        while (!Files.readString(log).contains("started")) {
          Thread.sleep(200);
        }
      }
      Thread.sleep(3000); // let the group settle on its members
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
      for (Process p : ps) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
