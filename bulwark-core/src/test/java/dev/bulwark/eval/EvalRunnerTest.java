package dev.bulwark.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvalRunnerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Reads a sample as one fake artifact named after the path; behaviour keyed by the name. */
  private static final ArtifactSource SOURCE = path -> {
    String n = path.getFileName().toString();
    if (n.startsWith("unreadable")) {
      throw new ExtractionException(n, 3, "truncated archive");
    }
    if (n.startsWith("missing")) {
      throw new java.nio.file.NoSuchFileException(n);
    }
    if (n.startsWith("empty")) {
      return List.of();
    }
    return List.of(Fakes.artifact(n, Optional.empty(), "index.js", "x".repeat(n.length())));
  };

  /** Verdict by name prefix; some names make the analyzer fail in different ways. */
  private static final PackageAnalyzer ANALYZER = a -> {
    String n = a.displayName();
    if (n.startsWith("throws")) {
      throw new IllegalStateException("analyzer bug");
    }
    if (n.startsWith("deep")) {
      throw new StackOverflowError();
    }
    if (n.startsWith("bad")) {
      return Fakes.result(a, Verdict.MALICIOUS,
          List.of(Fakes.finding("low-rule", Severity.LOW, "b.js"),
              Fakes.finding("top-rule", Severity.CRITICAL, "a.js")));
    }
    if (n.startsWith("odd")) {
      return Fakes.result(a, Verdict.SUSPICIOUS,
          List.of(Fakes.finding("odd-rule", Severity.MEDIUM, "a.js")));
    }
    return Fakes.result(a, Verdict.CLEAN, List.of());
  };

  private static Dataset dataset(Label label, String... names) {
    List<Sample> s = new ArrayList<>();
    for (String n : names) {
      s.add(Sample.of("set/" + n, label, Optional.of(Ecosystem.NPM), Path.of("/none", n)));
    }
    return new Dataset(s, List.of());
  }

  private static EvalRunner runner(int threads, Optional<Extractor> baseline) {
    return new EvalRunner(SOURCE, ANALYZER, new EvalOptions(threads, baseline), CLOCK);
  }

  @Test
  void failingSamplesAreRecordedAndTheRunGoesOn() {
    EvalReport r = runner(2, Optional.empty()).run(
        dataset(Label.MALICIOUS, "bad1", "throws1", "deep1", "unreadable1", "empty1", "odd1",
            "missing1"),
        dataset(Label.BENIGN, "ok1", "throws2"));
    assertThat(r.errors()).extracting(EvalReport.SampleError::id, EvalReport.SampleError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("set/deep1", "StackOverflowError"),
            org.assertj.core.groups.Tuple.tuple("set/empty1", "no package found"),
            org.assertj.core.groups.Tuple.tuple("set/missing1",
                "/none/missing1: NoSuchFileException: missing1"),
            org.assertj.core.groups.Tuple.tuple("set/throws1",
                "IllegalStateException: analyzer bug"),
            org.assertj.core.groups.Tuple.tuple("set/throws2",
                "IllegalStateException: analyzer bug"),
            org.assertj.core.groups.Tuple.tuple("set/unreadable1",
                "unreadable1:3: truncated archive"));
    assertThat(r.overall().malicious()).isEqualTo(2);
    assertThat(r.overall().maliciousErrors()).isEqualTo(5);
    assertThat(r.overall().benignErrors()).isEqualTo(1);
    assertThat(r.overall().detectedMalicious()).isEqualTo(1);
    assertThat(r.misses()).singleElement()
        .extracting(EvalReport.Miss::id, EvalReport.Miss::verdict, EvalReport.Miss::topFinding)
        .containsExactly("set/odd1", Verdict.SUSPICIOUS, "odd-rule: odd-rule matched");
    assertThat(r.samples()).hasSize(9);
  }

  @Test
  void outcomeKeepsWorstFindingFirstAndCountsBytes() {
    EvalReport r = runner(1, Optional.empty())
        .run(dataset(Label.MALICIOUS, "bad-x"), Dataset.empty());
    SampleOutcome o = r.samples().get(0);
    assertThat(o.topFinding()).isEqualTo("top-rule: top-rule matched");
    assertThat(o.topRules()).containsExactly("top-rule", "low-rule");
    assertThat(o.ruleIds()).containsExactly("low-rule", "top-rule");
    assertThat(o.bytes()).isEqualTo("bad-x".length());
    assertThat(o.ecosystem()).isEqualTo("npm");
    assertThat(o.incomplete()).isFalse();
  }

  @Test
  void readerProblemsMakeTheSampleIncompleteNotFailed() {
    ArtifactSource corrupt = path -> List.of(new dev.bulwark.artifact.Artifact("c.tgz",
        Optional.empty(), "", "", List.of(), List.of(), List.of(),
        List.of(new dev.bulwark.model.Problem("corrupt-archive", "cut short",
            dev.bulwark.model.SourceLocation.of("package/a.js")))));
    EvalReport r = new EvalRunner(corrupt, ANALYZER, new EvalOptions(1, Optional.empty()), CLOCK)
        .run(Dataset.empty(), dataset(Label.BENIGN, "ok"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.overall().incomplete()).isEqualTo(1);
    assertThat(r.incomplete()).singleElement().extracting(EvalReport.SampleError::message)
        .isEqualTo("corrupt-archive: cut short (package/a.js)");
  }

  @Test
  void resultOrderIsTheSampleOrderWhateverTheThreadsDo() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      names.add((i % 3 == 0 ? "bad" : i % 3 == 1 ? "odd" : "ok") + String.format("%03d", i));
    }
    Collections.shuffle(names, new Random(42));
    Random jitter = new Random(7);
    long[] sleeps = jitter.longs(60, 0, 3).toArray();
    AtomicLong calls = new AtomicLong();
    PackageAnalyzer slowRandom = a -> {
      try {
        Thread.sleep(sleeps[(int) (calls.getAndIncrement() % sleeps.length)]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ANALYZER.analyze(a);
    };
    Dataset mal = dataset(Label.MALICIOUS, names.toArray(String[]::new));
    List<String> first = ids(new EvalRunner(SOURCE, slowRandom, new EvalOptions(4,
        Optional.empty()), CLOCK).run(mal, Dataset.empty()));
    List<String> second = ids(runner(1, Optional.empty()).run(mal, Dataset.empty()));
    assertThat(first).isSorted().isEqualTo(second).hasSize(60);
  }

  private static List<String> ids(EvalReport r) {
    return r.samples().stream()
        .map(o -> o.sample().id() + "=" + o.verdict() + o.ruleIds())
        .toList();
  }

  @Test
  void baselineTimesOnlyBenignTarballsThatScanned() {
    Extractor fake = p -> {
      if (p.getFileName().toString().startsWith("oknot")) {
        throw new java.io.IOException("tar failed");
      }
      return 1_000;
    };
    Dataset benign = dataset(Label.BENIGN, "ok-a.tgz", "ok-b.tar.gz", "oknot.tgz", "ok-c.whl",
        "throws.tgz");
    EvalReport r = runner(2, Optional.of(fake)).run(dataset(Label.MALICIOUS, "bad.tgz"), benign);
    EvalReport.Baseline b = r.baseline().orElseThrow();
    assertThat(b.packages()).isEqualTo(2);
    assertThat(b.failures()).isEqualTo(1);
    assertThat(b.tarNanos()).isEqualTo(2_000);
    assertThat(b.bytes()).isEqualTo("ok-a.tgz".length() + "ok-b.tar.gz".length());
  }

  @Test
  void progressHearsOfEverySampleOnceAndItsFailureIsHarmless() {
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    EvalReport r = runner(2, Optional.empty()).run(dataset(Label.MALICIOUS, "bad1", "throws1"),
        dataset(Label.BENIGN, "ok1", "ok2"), o -> {
          seen.add(o.sample().id());
          throw new IllegalStateException("display broke");
        });
    assertThat(seen).containsExactlyInAnyOrder("set/bad1", "set/throws1", "set/ok1", "set/ok2");
    assertThat(r.samples()).hasSize(4);
    assertThat(r.errors()).hasSize(1);
  }

  @Test
  void spreadTakesEvenlySpacedSamples() {
    Dataset d = dataset(Label.BENIGN, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    assertThat(d.spread(5).samples()).extracting(Sample::id)
        .containsExactly("set/a", "set/c", "set/e", "set/g", "set/i");
    assertThat(d.spread(3).samples()).extracting(Sample::id)
        .containsExactly("set/a", "set/d", "set/g");
    assertThat(d.spread(20)).isSameAs(d);
  }

  @Test
  void peakHeapIsTheHighestProbeValue() {
    long[] values = {5, 900, 20};
    AtomicLong i = new AtomicLong();
    EvalRunner r = new EvalRunner(SOURCE, ANALYZER, new EvalOptions(1, Optional.empty()), CLOCK,
        System::nanoTime, () -> values[(int) Math.min(2, i.getAndIncrement())]);
    assertThat(r.run(dataset(Label.MALICIOUS, "ok"), Dataset.empty()).peakHeapBytes())
        .isEqualTo(900);
  }

  @Test
  void sampleTimeComesFromTheTicker() {
    AtomicLong t = new AtomicLong();
    EvalRunner r = new EvalRunner(SOURCE, ANALYZER, new EvalOptions(1, Optional.empty()), CLOCK,
        () -> t.getAndAdd(10), () -> 0);
    SampleOutcome o = r.scan(Sample.of("x", Label.BENIGN, Optional.empty(), Path.of("/none/ok")));
    assertThat(o.nanos()).isEqualTo(10);
    assertThat(o.ecosystem()).isEqualTo("unknown");
  }
}
