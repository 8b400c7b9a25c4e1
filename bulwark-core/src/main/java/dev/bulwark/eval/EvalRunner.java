package dev.bulwark.eval;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.eval.EvalReport.Baseline;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.ScanResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Scans labelled datasets on a fixed thread pool and computes detection and speed figures. Each
 * sample is timed on its own; a sample that fails is recorded as an error and the run goes on.
 * Results come back in sample order, whatever the threads did. Never prints.
 */
public final class EvalRunner {
  private static final long HEAP_POLL_MILLIS = 20;

  private final ArtifactSource source;
  private final PackageAnalyzer analyzer;
  private final EvalOptions options;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final LongSupplier heapUsed;

  public EvalRunner(
      ArtifactSource source, PackageAnalyzer analyzer, EvalOptions options, Clock clock) {
    this(source, analyzer, options, clock, System::nanoTime, HeapSampler.JVM_HEAP_USED);
  }

  EvalRunner(
      ArtifactSource source,
      PackageAnalyzer analyzer,
      EvalOptions options,
      Clock clock,
      LongSupplier nanoTime,
      LongSupplier heapUsed) {
    this.source = source;
    this.analyzer = analyzer;
    this.options = options;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.heapUsed = heapUsed;
  }

  public EvalReport run(Dataset malicious, Dataset benign) {
    return run(malicious, benign, o -> {});
  }

  /**
   * Runs, and tells {@code progress} about each sample as soon as it is done. {@code progress} is
   * called from the worker threads, in completion order, so it must be thread-safe and quick.
   */
  public EvalReport run(Dataset malicious, Dataset benign, Consumer<SampleOutcome> progress) {
    Instant started = clock.instant();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), EvalRunner::daemon);
    try {
      Phase mal;
      Phase ben;
      long peakHeap;
      try (HeapSampler heap = HeapSampler.start(heapUsed, HEAP_POLL_MILLIS)) {
        mal = phase(pool, malicious.samples(), progress);
        ben = phase(pool, benign.samples(), progress);
        peakHeap = heap.peak();
      }
      Optional<Baseline> baseline =
          options.baseline().map(x -> new BaselineRun(pool, x, nanoTime).measure(ben.outcomes));
      List<SampleOutcome> all = new ArrayList<>(mal.outcomes);
      all.addAll(ben.outcomes);
      List<String> notes = new ArrayList<>(malicious.notes());
      notes.addAll(benign.notes());
      return new EvalReport(
          started,
          clock.instant(),
          options.threads(),
          EvalMetrics.byEcosystem(all),
          EvalMetrics.scores(EvalMetrics.ALL, all),
          EvalMetrics.ruleHits(all),
          EvalMetrics.misses(all),
          EvalMetrics.falsePositives(all),
          EvalMetrics.errors(all),
          EvalMetrics.incomplete(all),
          EvalMetrics.throughput(mal.outcomes, mal.wallNanos),
          EvalMetrics.throughput(ben.outcomes, ben.wallNanos),
          baseline,
          peakHeap,
          notes,
          all);
    } finally {
      pool.shutdownNow();
    }
  }

  private record Phase(List<SampleOutcome> outcomes, long wallNanos) {}

  private Phase phase(
      ExecutorService pool, List<Sample> samples, Consumer<SampleOutcome> progress) {
    long t0 = nanoTime.getAsLong();
    List<Future<SampleOutcome>> futures = new ArrayList<>();
    for (Sample s : samples) {
      futures.add(pool.submit((Callable<SampleOutcome>) () -> report(scan(s), progress)));
    }
    List<SampleOutcome> out = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      out.add(await(futures.get(i), samples.get(i)));
    }
    return new Phase(out, nanoTime.getAsLong() - t0);
  }

  private static SampleOutcome await(Future<SampleOutcome> f, Sample s) {
    String eco = s.ecosystem().map(e -> e.osvName()).orElse(SampleOutcome.UNKNOWN_ECOSYSTEM);
    try {
      return f.get();
    } catch (ExecutionException e) {
      return SampleOutcome.failed(s, eco, 0, describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return SampleOutcome.failed(s, eco, 0, "interrupted");
    }
  }

  /** Reads and analyses one sample; never throws. */
  SampleOutcome scan(Sample sample) {
    long t0 = nanoTime.getAsLong();
    String eco = sample.ecosystem().map(e -> e.osvName()).orElse(SampleOutcome.UNKNOWN_ECOSYSTEM);
    try {
      List<Artifact> artifacts =
          sample.members().isEmpty()
              ? source.read(sample.path())
              : List.of(InstalledPackages.read(sample));
      if (artifacts.isEmpty()) {
        return SampleOutcome.failed(sample, eco, nanoTime.getAsLong() - t0, "no package found");
      }
      List<ScanResult> results = new ArrayList<>();
      for (Artifact a : artifacts) {
        results.add(analyzer.analyze(a));
      }
      long nanos = nanoTime.getAsLong() - t0;
      return Outcomes.summarize(sample, artifacts, results, nanos);
    } catch (ExtractionException e) {
      return SampleOutcome.failed(sample, eco, nanoTime.getAsLong() - t0, e.describe());
    } catch (IOException e) {
      return SampleOutcome.failed(
          sample, eco, nanoTime.getAsLong() - t0, sample.path() + ": " + describe(e));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return SampleOutcome.failed(sample, eco, nanoTime.getAsLong() - t0, describe(e));
    }
  }

  private static SampleOutcome report(SampleOutcome o, Consumer<SampleOutcome> progress) {
    try {
      progress.accept(o);
    } catch (RuntimeException e) {
      // A failing progress display must not lose the result.
    }
    return o;
  }

  static String describe(Throwable t) {
    String m = t.getMessage() == null ? "" : ": " + t.getMessage();
    return t.getClass().getSimpleName() + m;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "bulwark-eval");
    t.setDaemon(true);
    return t;
  }

  /** Times the extractor on the benign tarballs that scanned cleanly, on the same pool. */
  private record BaselineRun(ExecutorService pool, Extractor extractor, LongSupplier nanoTime) {
    Baseline measure(List<SampleOutcome> benign) {
      List<SampleOutcome> tarballs =
          benign.stream().filter(o -> !o.failed() && o.sample().isTarball()).toList();
      long t0 = nanoTime.getAsLong();
      List<Future<Long>> futures = new ArrayList<>();
      for (SampleOutcome o : tarballs) {
        futures.add(pool.submit(() -> extractor.extractNanos(o.sample().path())));
      }
      long tar = 0, scan = 0, bytes = 0;
      int ok = 0, failures = 0;
      for (int i = 0; i < futures.size(); i++) {
        Optional<Long> n = result(futures.get(i));
        if (n.isEmpty()) {
          failures++;
          continue;
        }
        ok++;
        tar += n.get();
        scan += tarballs.get(i).nanos();
        bytes += tarballs.get(i).bytes();
      }
      return new Baseline(ok, bytes, nanoTime.getAsLong() - t0, tar, scan, failures);
    }

    private static Optional<Long> result(Future<Long> f) {
      try {
        return Optional.of(f.get());
      } catch (ExecutionException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }
}
