package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.monitor.kafka.Topics;
import dev.bulwark.monitor.postgres.FollowerLock;
import dev.bulwark.monitor.postgres.PgState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed mode against a real Kafka broker and a real PostgreSQL (see {@link Services}),
 * with the monitor's roles in this JVM or in child JVMs killed with -9. After every fault each
 * live version of the replayed feed has exactly one verdict row, and the cursor is at the feed's
 * end. The counts of rows rewritten by redeliveries are printed for docs/monitor.md.
 */
class DistributedTest {
  static Services services;
  static EngineScan engine;
  final List<Process> children = new ArrayList<>();
  @TempDir Path tmp;

  @BeforeAll
  static void up() throws Exception {
    services = Services.start();
    engine = EngineScan.defaults(List.of(), List.of());
  }

  @AfterAll
  static void down() {
    if (services != null) {
      services.close();
    }
  }

  @AfterEach
  void killChildren() throws Exception {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    try (var logs = Files.newDirectoryStream(tmp, "*.log")) {
      for (Path l : logs) {
        String s = Files.readString(l, StandardCharsets.UTF_8);
        System.out.println("---- " + l.getFileName() + "\n"
            + s.substring(Math.max(0, s.length() - 3000)));
      }
    }
  }

  /** A feed with plain versions, an install-script diff, a wrong hash, an unpublished package. */
  static void publish(FakeRegistry reg, String prefix, int plain) {
    for (int i = 0; i < plain; i++) {
      String name = prefix + "-lib-" + (i % 5);
      String version = "1.0." + i;
      reg.publish(name, version, Tarballs.plain(name, version), FakeRegistry.Serve.OK);
    }
  }

  @Test
  void oneFollowerPerFeedAndEveryVersionJudgedOnce() throws Exception {
    String db = services.database("s_basic");
    try (FakeRegistry reg = new FakeRegistry(); PgState pg = PgState.open(db, 2)) {
      publish(reg, "basic", 6);
      reg.publish("basic-gyp", "1.0.0", Tarballs.plain("basic-gyp", "1.0.0"), FakeRegistry.Serve.OK);
      reg.publish("basic-gyp", "1.1.0", Tarballs.npm("basic-gyp", "1.1.0",
          "{\"install\":\"node-gyp rebuild\"}", Map.of("index.js", "module.exports = 1;\n")),
          FakeRegistry.Serve.OK);
      reg.publish("basic-badhash", "1.0.0", Tarballs.plain("basic-badhash", "1.0.0"),
          FakeRegistry.Serve.WRONG_HASH);
      reg.publish("basic-trunc", "1.0.0", Tarballs.plain("basic-trunc", "1.0.0"),
          FakeRegistry.Serve.TRUNCATED);
      reg.publish("basic-gone", "1.0.0", Tarballs.plain("basic-gone", "1.0.0"),
          FakeRegistry.Serve.OK);
      reg.unpublish("basic-gone");
      for (Corpus.Sample s : Corpus.npm(2)) {
        reg.publish(s.name(), s.version(), s.tgz(), FakeRegistry.Serve.OK);
      }
      Distributed.Options o = DistProcess.options(services.kafka(), db, "basic",
          Distributed.Role.ALL);
      MonitorConfig c = DistProcess.config(tmp.resolve("state"), reg.url(), true, 2);

      // Another follower holds the npm lock: this process must not follow the feed at all.
      FollowerLock other = pg.followerLock("npm");
      assertThat(other.hold()).isTrue();
      assertThat(pg.followerLock("npm").hold()).as("a second holder").isFalse();
      EmbeddedMonitor.Summary blocked = runInJvm(c, o);
      assertThat(blocked.queued()).isZero();
      assertThat(pg.cursors().load("npm")).isEmpty();
      assertThat(pg.verdicts().query(VerdictStore.Query.all())).isEmpty();

      other.release();
      EmbeddedMonitor.Summary sum = runInJvm(c, o);
      assertThat(sum.failedFeeds()).isEmpty();
      List<VerdictRecord> got = pg.verdicts().query(VerdictStore.Query.all());
      EmbeddedReplayTest.assertExactlyOnePerLiveVersion(got, reg);
      Map<String, VerdictRecord> by = got.stream().collect(Collectors.toMap(
          r -> r.key().name() + "@" + r.key().version(), r -> r));
      assertThat(by.get("basic-badhash@1.0.0").reason()).contains("hash mismatch");
      assertThat(by.get("basic-trunc@1.0.0").verdict()).isEqualTo(MonitorVerdict.ERROR);
      assertThat(by.get("basic-gyp@1.1.0").findings()).extracting(VerdictFinding::ruleId)
          .contains(Heuristics.NEW_INSTALL_SCRIPT);
      assertThat(pg.cursors().load("npm").orElseThrow().position())
          .isEqualTo(Long.toString(reg.lastSeq()));
      try (Topics t = Topics.connect(o.kafka())) {
        assertThat(t.lag()).isZero();
      }
      try (Distributed.Running r = Distributed.build(c, o.withRole(Distributed.Role.WORKER),
          engine, Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {})) {
        assertThat(r.deadLetters()).extracting(d -> d.event().key().name())
            .containsExactly("basic-trunc");
      }

      // Every stored verdict was also announced on the verdicts topic.
      assertThat(verdictMessages(o)).containsAll(by.keySet());

      // A second run finds nothing new and writes nothing.
      long before = pg.rewrites();
      assertThat(runInJvm(c, o).queued()).isZero();
      assertThat(pg.rewrites()).isEqualTo(before);
      System.out.println("DistributedTest basic: " + got.size() + " verdicts, rewrites "
          + before);
    }
  }

  @Test
  void workerKilledMidBatch() throws Exception {
    String db = services.database("s_worker");
    try (FakeRegistry reg = new FakeRegistry(); PgState pg = PgState.open(db, 2)) {
      publish(reg, "wk", 16);
      Process w1 = child("worker1", db, reg, "wk", "role=worker", "judge-delay-ms=1000");
      Process w2 = child("worker2", db, reg, "wk", "role=worker", "judge-delay-ms=1000");
      await("both workers started", () -> log("worker1").contains("started")
          && log("worker2").contains("started"), 240);
      Process f = child("follower", db, reg, "wk", "role=follower");
      await("4 verdicts", () -> count(pg) >= 4, 240);
      // Kill a worker that is judging (each judgement takes over a second): mid-batch.
      boolean first = log("worker1").contains("judged ");
      Process victim = first ? w1 : w2;
      Process survivor = first ? w2 : w1;
      assertThat(log(first ? "worker1" : "worker2")).contains("judged ");
      victim.destroyForcibly();
      victim.waitFor(30, TimeUnit.SECONDS);
      await("every verdict", () -> count(pg) >= reg.live().size(), 240);
      settle(pg, reg, "wk");
      System.out.println("DistributedTest worker kill -9 (worker " + (first ? 1 : 2)
          + "): rewrites " + pg.rewrites());
      assertThat(f.isAlive() && survivor.isAlive()).isTrue();
    }
  }

  /**
   * A version whose judgement kills its worker process every time: three worker processes are
   * killed with -9 while judging it; the fourth gives up on it without judging it (error verdict,
   * dead letter), because the attempts were counted in PostgreSQL before each began.
   */
  @Test
  void versionThatKillsEveryWorkerReachesTheDeadLetter() throws Exception {
    String db = services.database("s_poison");
    try (FakeRegistry reg = new FakeRegistry(); PgState pg = PgState.open(db, 2)) {
      publish(reg, "po", 4);
      reg.publish("po-poison", "6.6.6", Tarballs.plain("po-poison", "6.6.6"),
          FakeRegistry.Serve.OK);
      Path marker = tmp.resolve("judging-poison");
      child("follower", db, reg, "po", "role=follower");
      for (int kill = 1; kill <= 3; kill++) {
        Files.deleteIfExists(marker);
        Process w = child("worker" + kill, db, reg, "po", "role=worker", "poison=po-poison",
            "marker=" + marker);
        await("attempt " + kill + " began", () -> Files.exists(marker), 240);
        w.destroyForcibly();
        w.waitFor(30, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(marker);
      child("worker4", db, reg, "po", "role=worker", "poison=po-poison", "marker=" + marker);
      await("every verdict", () -> count(pg) >= reg.live().size(), 240);
      settle(pg, reg, "po");
      assertThat(marker).as("the poison is not judged a fourth time").doesNotExist();
      List<VerdictRecord> all = pg.verdicts().query(VerdictStore.Query.all());
      VerdictRecord poison = all.stream().filter(r -> r.key().name().equals("po-poison"))
          .findFirst().orElseThrow();
      assertThat(poison.verdict()).isEqualTo(MonitorVerdict.ERROR);
      assertThat(poison.reason()).contains("gave up after 3 attempts");
      Distributed.Options o = DistProcess.options(services.kafka(), db, "po",
          Distributed.Role.WORKER);
      try (Distributed.Running r = Distributed.build(
          DistProcess.config(tmp.resolve("reader"), reg.url(), true, 1), o, engine,
          Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {})) {
        assertThat(r.deadLetters()).extracting(d -> d.event().key().name())
            .containsExactly("po-poison");
      }
      System.out.println("DistributedTest poison: 3 workers killed, rewrites " + pg.rewrites());
    }
  }

  @Test
  void followerKilledBetweenFetchAndPublishAndTheStandbyTakesOver() throws Exception {
    String db = services.database("s_follower");
    try (FakeRegistry reg = new FakeRegistry(); PgState pg = PgState.open(db, 2)) {
      publish(reg, "fo", 10);
      Path fetched = tmp.resolve("fetched");
      Process f1 = child("follower1", db, reg, "fo", "role=follower",
          "halt-after-fetch=" + fetched);
      child("worker", db, reg, "fo", "role=worker");
      await("the first follower fetched", () -> Files.exists(fetched), 240);
      child("follower2", db, reg, "fo", "role=follower");
      await("the second follower stands by",
          () -> log("follower2").contains("standing by"), 240);
      Thread.sleep(1000);
      assertThat(count(pg)).as("nothing queued while the first follower hangs").isZero();
      assertThat(pg.cursors().load("npm").orElseThrow().position()).isEqualTo("0");
      f1.destroyForcibly();
      f1.waitFor(30, TimeUnit.SECONDS);
      await("every verdict", () -> count(pg) >= reg.live().size(), 240);
      settle(pg, reg, "fo");
      System.out.println("DistributedTest follower kill -9: rewrites " + pg.rewrites());
    }
  }

  @Test
  void brokerRestart() throws Exception {
    restartScenario("s_broker", "kb", () -> {
      services.killKafka();
      return () -> services.startKafka();
    });
  }

  @Test
  void postgresRestart() throws Exception {
    restartScenario("s_pg", "pr", () -> {
      services.stopPostgres();
      return () -> services.startPostgres();
    });
  }

  interface Fault {
    Restart stop() throws Exception;
  }

  interface Restart {
    void start() throws Exception;
  }

  private void restartScenario(String dbName, String prefix, Fault fault) throws Exception {
    String db = services.database(dbName);
    try (FakeRegistry reg = new FakeRegistry(); PgState pg = PgState.open(db, 2)) {
      publish(reg, prefix, 6);
      Distributed.Options o = DistProcess.options(services.kafka(), db, prefix,
          Distributed.Role.ALL);
      MonitorConfig c = DistProcess.config(tmp.resolve("state"), reg.url(), false, 1);
      try (Distributed.Running r = Distributed.build(c, o, engine, Clock.systemUTC(),
          Sleeper.real(), new EmbeddedMonitor.Listener() {},
          DistProcess.hooks(200, Optional.empty()))) {
        Thread t = new Thread(() -> {
          try {
            r.monitor().run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        t.start();
        try {
          await("2 verdicts", () -> count(pg) >= 2, 240);
          Restart restart = fault.stop();
          publish(reg, prefix + "-after", 6);
          Thread.sleep(2000);
          restart.start();
          await("every verdict", () -> count(pg) >= reg.live().size(), 240);
          settle(pg, reg, prefix);
        } finally {
          r.monitor().stop();
          t.join(60_000);
        }
      }
      System.out.println("DistributedTest " + dbName + ": rewrites " + pg.rewrites());
    }
  }

  /** name@version of every message on the verdicts topic. */
  private static java.util.Set<String> verdictMessages(Distributed.Options o) throws Exception {
    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", o.kafka().bootstrap());
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    java.util.Set<String> out = new java.util.TreeSet<>();
    try (var c = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
      var tps = c.partitionsFor(o.kafka().verdictsTopic(), Duration.ofSeconds(30)).stream()
          .map(x -> new org.apache.kafka.common.TopicPartition(x.topic(), x.partition()))
          .toList();
      c.assign(tps);
      c.seekToBeginning(tps);
      var end = c.endOffsets(tps, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())
          && System.nanoTime() < deadline) {
        for (var r : c.poll(Duration.ofMillis(500))) {
          VerdictRecord v = MonitorJson.verdict(r.value());
          out.add(v.key().name() + "@" + v.key().version());
        }
      }
    }
    return out;
  }

  /** Exactly one verdict per live version, the cursor at the feed's end, and no lag left. */
  private static void settle(PgState pg, FakeRegistry reg, String prefix) throws Exception {
    Distributed.Options o = DistProcess.options(services.kafka(), "unused", prefix,
        Distributed.Role.WORKER);
    try (Topics t = Topics.connect(o.kafka())) {
      await("no lag", () -> {
        try {
          return t.lag() == 0;
        } catch (StoreException e) {
          return false;
        }
      }, 120);
    }
    EmbeddedReplayTest.assertExactlyOnePerLiveVersion(
        pg.verdicts().query(VerdictStore.Query.all()), reg);
    await("the cursor at the end", () -> {
      try {
        return pg.cursors().load("npm").map(Cursor::position)
            .equals(Optional.of(Long.toString(reg.lastSeq())));
      } catch (StoreException e) {
        return false;
      }
    }, 60);
  }

  private static int count(PgState pg) {
    try {
      return pg.verdicts().query(VerdictStore.Query.all()).size();
    } catch (StoreException e) {
      return 0;
    }
  }

  private EmbeddedMonitor.Summary runInJvm(MonitorConfig c, Distributed.Options o)
      throws Exception {
    try (Distributed.Running r = Distributed.build(c, o, engine, Clock.systemUTC(),
        Sleeper.real(), new EmbeddedMonitor.Listener() {})) {
      return r.monitor().run();
    }
  }

  private Process child(String name, String db, FakeRegistry reg, String prefix,
      String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("kafka=" + services.kafka(), "postgres=" + db,
        "npm=" + reg.url(), "prefix=" + prefix, "state=" + tmp.resolve(name)));
    args.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(Services.java(DistProcess.class.getName(),
        args.toArray(String[]::new)));
    pb.redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
    Process p = pb.start();
    children.add(p);
    return p;
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".log"), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static void await(String what, BooleanSupplier ok, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}
