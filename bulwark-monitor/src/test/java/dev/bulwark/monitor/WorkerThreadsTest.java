package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.scan.Catalogs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The regression guard of the worker memory leak (docs/monitor.md, "Memory"): every version is
 * analysed on a worker thread of the monitor, never on a thread made for that version. A fresh
 * thread per version builds fresh tree-sitter parsers (native memory, freed only when a garbage
 * collection finds the dead thread), which made a worker grow past 1 GB over a few thousand
 * versions. So across many versions the threads that analysed are at most the worker threads.
 */
class WorkerThreadsTest {
  @ParameterizedTest(name = "{0} versions, {1} worker thread(s)")
  @CsvSource({"8, 1", "12, 2"})
  void versionsAreAnalysedOnTheWorkerThreads(int versions, int workers, @TempDir Path state)
      throws Exception {
    StaticAnalyzer real = new StaticAnalyzer(Catalogs.load(List.of()));
    Set<Thread> analysing = ConcurrentHashMap.newKeySet();
    PackageAnalyzer recording = a -> {
      analysing.add(Thread.currentThread());
      return real.analyze(a);
    };
    try (FakeRegistry reg = new FakeRegistry()) {
      for (int i = 0; i < versions; i++) {
        reg.publish("lib-" + i, "1.0.0", Tarballs.plain("lib-" + i, "1.0.0"),
            FakeRegistry.Serve.OK);
      }
      MonitorConfig c = MonitorConfig.of(state, Optional.of(reg.url()), Optional.empty())
          .withFromBeginning(true).withUntilIdle(true).withWorkers(workers).withBatch(4)
          .withPolling(Duration.ofMillis(10), new FeedHttp.Retry(3, Duration.ofMillis(10),
              Duration.ofMillis(100)));
      try (Embedded.Running r = Embedded.build(c, EngineScan.withAnalyzer(recording),
          Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {})) {
        r.monitor().run();
      }
    }
    assertThat(analysing).hasSizeBetween(1, workers)
        .allMatch(t -> t.getName().startsWith("bulwark-monitor-worker"),
            "a monitor worker thread");
  }
}
