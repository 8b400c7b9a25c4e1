package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.audit.OsvLookup;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode end to end against a loopback registry replaying a feed with faults:
 * unpublished packages, a 500 burst, a truncated tarball, a wrong hash, a missing tarball, a
 * decompression bomb, real malicious tarballs, then a feed reset.
 */
class EmbeddedReplayTest {
  static EngineScan engine;

  @BeforeAll
  static void engine() {
    engine = EngineScan.defaults(List.of(), List.of());
  }

  static MonitorConfig config(Path state, FakeRegistry reg) {
    return MonitorConfig.of(state, Optional.of(reg.url()), Optional.empty())
        .withFromBeginning(true).withUntilIdle(true).withWorkers(2).withBatch(3)
        .withPolling(Duration.ofMillis(10), new FeedHttp.Retry(6, Duration.ofMillis(100),
            Duration.ofSeconds(1)));
  }

  static EmbeddedMonitor.Summary run(MonitorConfig c, Sleeper sleeper) throws Exception {
    try (Embedded.Running r = Embedded.build(c, engine, Clock.systemUTC(), sleeper,
        new EmbeddedMonitor.Listener() {})) {
      return r.monitor().run();
    }
  }

  static List<VerdictRecord> verdicts(Path state) throws Exception {
    try (SqliteState s = SqliteState.open(state, Clock.systemUTC())) {
      return s.verdicts().query(VerdictStore.Query.all());
    }
  }

  /**
   * A registry whose tarballs fail for a moment (five 503s in a row, about 3 s of backoff) costs
   * retries, not verdicts: the download is tried again within the judgement, so the version is
   * judged, not given up on after the queue's three attempts.
   */
  @Test
  void aShortTarballOutageIsRetriedNotTurnedIntoAnError(@TempDir Path state) throws Exception {
    List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    try (FakeRegistry reg = new FakeRegistry()) {
      reg.publish("flaky-cdn", "1.0.0", Tarballs.plain("flaky-cdn", "1.0.0"),
          FakeRegistry.Serve.OK);
      reg.tarballFailures.set(5);
      run(config(state, reg).withWorkers(1), slept::add);
      List<VerdictRecord> all = verdicts(state);
      assertThat(all).hasSize(1);
      assertThat(all.get(0).verdict()).as(all.get(0).reason()).isEqualTo(MonitorVerdict.CLEAN);
      assertThat(reg.tarballRequests.get()).isEqualTo(6);
    }
  }

  @Test
  void replaysAFeedWithFaultsAndEveryLiveVersionGetsExactlyOneVerdict(@TempDir Path state,
      @TempDir Path tmp) throws Exception {
    List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    Sleeper recording = slept::add;
    try (FakeRegistry reg = new FakeRegistry()) {
      reg.publish("plain-lib", "1.0.0", Tarballs.plain("plain-lib", "1.0.0"), FakeRegistry.Serve.OK);
      reg.publish("plain-lib", "1.1.0", Tarballs.npm("plain-lib", "1.1.0",
          "{\"install\":\"node-gyp rebuild\"}", Map.of("index.js", "module.exports = 1;\n",
              "binding.gyp", "{\"targets\":[{\"target_name\":\"x\",\"sources\":[\"x.cc\"]}]}")),
          FakeRegistry.Serve.OK);
      reg.publish("gone-pkg", "1.0.0", Tarballs.plain("gone-pkg", "1.0.0"), FakeRegistry.Serve.OK);
      reg.unpublish("gone-pkg");
      reg.publish("trunc-pkg", "1.0.0", Tarballs.plain("trunc-pkg", "1.0.0"),
          FakeRegistry.Serve.TRUNCATED);
      reg.publish("badhash-pkg", "1.0.0", Tarballs.plain("badhash-pkg", "1.0.0"),
          FakeRegistry.Serve.WRONG_HASH);
      reg.publish("missing-pkg", "1.0.0", Tarballs.plain("missing-pkg", "1.0.0"),
          FakeRegistry.Serve.MISSING);
      reg.publish("bomb-pkg", "1.0.0", Tarballs.bomb("bomb-pkg", "1.0.0", 64),
          FakeRegistry.Serve.OK);
      byte[] whole = Tarballs.plain("corrupt-pkg", "1.0.0");
      reg.publish("corrupt-pkg", "1.0.0", java.util.Arrays.copyOf(whole, whole.length / 2),
          FakeRegistry.Serve.OK);
      reg.publish("@scope/lib", "2.0.0", Tarballs.plain("@scope/lib", "2.0.0"),
          FakeRegistry.Serve.OK);
      List<Corpus.Sample> samples = Corpus.npm(4);
      if (samples.isEmpty()) {
        System.err.println("EmbeddedReplayTest: ../shared/corpus is missing; replaying benign"
            + " tarballs only");
      }
      for (Corpus.Sample s : samples) {
        reg.publish(s.name(), s.version(), s.tgz(), FakeRegistry.Serve.OK);
      }
      reg.changesFailures.set(3);

      EmbeddedMonitor.Summary sum = run(config(state, reg), recording);
      assertThat(sum.failedFeeds()).isEmpty();
      assertThat(slept).as("the 500 burst was retried with backoff").hasSizeGreaterThanOrEqualTo(3);
      assertThat(slept.get(1)).isGreaterThan(slept.get(0));

      List<VerdictRecord> got = verdicts(state);
      assertExactlyOnePerLiveVersion(got, reg);
      Map<String, VerdictRecord> by = got.stream()
          .collect(Collectors.toMap(r -> r.key().name() + "@" + r.key().version(), Function.identity()));
      assertThat(by).doesNotContainKey("gone-pkg@1.0.0");
      assertThat(by.get("trunc-pkg@1.0.0").verdict()).isEqualTo(MonitorVerdict.ERROR);
      assertThat(by.get("trunc-pkg@1.0.0").reason()).contains("3 attempts");
      assertThat(by.get("badhash-pkg@1.0.0").verdict()).isEqualTo(MonitorVerdict.ERROR);
      assertThat(by.get("badhash-pkg@1.0.0").reason()).contains("hash mismatch");
      assertThat(by.get("missing-pkg@1.0.0").reason()).contains("not found");
      // The engine itself calls a decompression bomb malicious; the monitor keeps that verdict.
      assertThat(by.get("bomb-pkg@1.0.0").verdict()).isNotEqualTo(MonitorVerdict.CLEAN);
      assertThat(by.get("bomb-pkg@1.0.0").findings()).extracting(VerdictFinding::ruleId)
          .contains("archive-bomb");
      assertThat(by.get("corrupt-pkg@1.0.0").verdict()).isEqualTo(MonitorVerdict.ERROR);
      assertThat(by.get("corrupt-pkg@1.0.0").reason()).contains("archive-corrupt");
      assertThat(by.get("@scope/lib@2.0.0").verdict()).isEqualTo(MonitorVerdict.CLEAN);
      assertThat(by.get("plain-lib@1.0.0").verdict()).isEqualTo(MonitorVerdict.CLEAN);
      VerdictRecord second = by.get("plain-lib@1.1.0");
      assertThat(second.findings()).extracting(VerdictFinding::ruleId)
          .contains(Heuristics.NEW_INSTALL_SCRIPT);
      assertThat(second.verdict()).isEqualTo(MonitorVerdict.SUSPICIOUS);

      // The monitor's verdict is bulwark scan's for every tarball it judged.
      int malicious = 0;
      for (FakeRegistry.Version v : reg.live()) {
        VerdictRecord r = by.get(v.name() + "@" + v.version());
        if (r.verdict() == MonitorVerdict.ERROR && v.serve() != FakeRegistry.Serve.OK) {
          continue;
        }
        Path f = tmp.resolve(v.id() + ".tgz");
        Files.write(f, v.tgz());
        ScanResult scan = engine.scan(f, f.getFileName().toString());
        Files.delete(f);
        assertThat(r.verdict() == MonitorVerdict.MALICIOUS)
            .as("malicious exactly when scan says so: " + v.name())
            .isEqualTo(scan.verdict() == dev.bulwark.model.Verdict.MALICIOUS);
        boolean raised = r.findings().stream().anyMatch(Heuristics::raising);
        if (r.verdict() != MonitorVerdict.ERROR && !raised) {
          assertThat(r.verdict()).as(v.name()).isEqualTo(MonitorVerdict.of(scan.verdict()));
          assertThat(r.score()).as(v.name()).isEqualTo(scan.score());
        }
        malicious += r.verdict() == MonitorVerdict.MALICIOUS ? 1 : 0;
      }
      if (!samples.isEmpty()) {
        assertThat(malicious).as("real malicious tarballs are caught").isPositive();
        exportImportAndLookUp(got, tmp);
      }

      // The database is recreated: sequence numbers go backwards. Nothing is judged twice.
      reg.reset();
      reg.publish("after-reset", "1.0.0", Tarballs.plain("after-reset", "1.0.0"),
          FakeRegistry.Serve.OK);
      run(config(state, reg), recording);
      List<VerdictRecord> again = verdicts(state);
      assertExactlyOnePerLiveVersion(again, reg);
      try (SqliteState s = SqliteState.open(state, Clock.systemUTC())) {
        assertThat(s.cursors().load("npm").orElseThrow().position())
            .isEqualTo(Long.toString(reg.lastSeq()));
        assertThat(s.queue().pending()).isZero();
        assertThat(s.queue().deadLetters()).extracting(d -> d.event().key().name())
            .containsExactly("trunc-pkg");
      }
    }
  }

  static void assertExactlyOnePerLiveVersion(List<VerdictRecord> got, FakeRegistry reg) {
    Map<String, Integer> counts = new HashMap<>();
    got.forEach(r -> counts.merge(r.key().name() + "@" + r.key().version(), 1, Integer::sum));
    List<String> expected = reg.live().stream().map(v -> v.name() + "@" + v.version()).sorted()
        .toList();
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(counts.values()).allMatch(c -> c == 1);
  }

  private static void exportImportAndLookUp(List<VerdictRecord> got, Path tmp) throws Exception {
    Path osv = tmp.resolve("osv");
    int n = OsvExport.write(got, osv);
    assertThat(n).isPositive();
    Path db = tmp.resolve("advisories.db");
    new AdvisoryImporter(Clock.systemUTC()).importSources(List.of(osv), db);
    VerdictRecord mal = got.stream().filter(r -> r.verdict() == MonitorVerdict.MALICIOUS)
        .findFirst().orElseThrow();
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      Dependency dep = new Dependency(Ecosystem.NPM, mal.key().name(), mal.key().version(), false,
          true, false, false, DependencySource.REGISTRY, "", "", SourceLocation.of("package-lock.json"),
          List.of(mal.key().name()));
      List<AuditFinding> found = new OsvLookup(d).lookup(dep);
      assertThat(found).extracting(AuditFinding::id).contains(OsvExport.id(mal.key()));
      assertThat(found).extracting(AuditFinding::kind)
          .contains(dev.bulwark.model.AdvisoryKind.MALICIOUS);
    }
  }
}
