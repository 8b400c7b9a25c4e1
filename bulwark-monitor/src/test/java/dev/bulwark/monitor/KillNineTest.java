package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the embedded monitor in the middle of a run, then a restart with --until-idle: every
 * version has exactly one verdict, none is missing, and the cursor is at the feed's end. Then more
 * versions are published and it runs again.
 */
class KillNineTest {
  @Test
  void killedMidRunThenRestartedLosesAndDuplicatesNothing(@TempDir Path state) throws Exception {
    try (FakeRegistry reg = new FakeRegistry()) {
      for (int i = 0; i < 30; i++) {
        String name = "pkg-" + (i % 12);
        String version = "1.0." + i;
        reg.publish(name, version, Tarballs.plain(name, version), FakeRegistry.Serve.OK);
      }
      reg.tarballDelayMs = 150;
      Process child = start(state, reg, "forever", 2);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (count(state, "verdicts") < 5 && System.nanoTime() < deadline && child.isAlive()) {
        Thread.sleep(50);
      }
      long before = count(state, "verdicts");
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      child.waitFor(30, TimeUnit.SECONDS);
      assertThat(before).as("killed mid-run").isBetween(5L, 29L);

      reg.tarballDelayMs = 0;
      runUntilIdle(state, reg);
      check(state, reg);

      for (int i = 30; i < 36; i++) {
        reg.publish("pkg-new-" + i, "2.0.0", Tarballs.plain("pkg-new-" + i, "2.0.0"),
            FakeRegistry.Serve.OK);
      }
      runUntilIdle(state, reg);
      check(state, reg);
    }
  }

  /**
   * A version whose judgement kills the process every time (here: hangs until the test kills the
   * process with -9) is attempted maxAttempts (3) times across restarts, then gets an error
   * verdict and the dead letter without being judged again; the other versions are unharmed.
   */
  @Test
  void versionThatKillsEveryWorkerReachesTheDeadLetter(@TempDir Path state, @TempDir Path tmp)
      throws Exception {
    try (FakeRegistry reg = new FakeRegistry()) {
      for (int i = 0; i < 4; i++) {
        reg.publish("fine-" + i, "1.0.0", Tarballs.plain("fine-" + i, "1.0.0"),
            FakeRegistry.Serve.OK);
      }
      reg.publish("poison", "6.6.6", Tarballs.plain("poison", "6.6.6"), FakeRegistry.Serve.OK);
      Path marker = tmp.resolve("judging-poison");
      for (int kill = 1; kill <= 3; kill++) {
        Files.deleteIfExists(marker);
        // One worker: while it hangs on the poison nothing else is in flight.
        Process child = start(state, reg, "forever", 1, "poison", marker.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(marker) && System.nanoTime() < deadline && child.isAlive()) {
          Thread.sleep(50);
        }
        assertThat(Files.exists(marker)).as("attempt " + kill + " began").isTrue();
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(marker);
      Process last = start(state, reg, "until-idle", 1, "poison", marker.toString());
      assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("until-idle run ends").isTrue();
      assertThat(last.exitValue()).isZero();
      assertThat(marker).as("the poison is not judged a fourth time").doesNotExist();
      try (SqliteState s = SqliteState.open(state, Clock.systemUTC())) {
        List<VerdictRecord> all = s.verdicts().query(VerdictStore.Query.all());
        EmbeddedReplayTest.assertExactlyOnePerLiveVersion(all, reg);
        VerdictRecord poison = all.stream().filter(r -> r.key().name().equals("poison"))
            .findFirst().orElseThrow();
        assertThat(poison.verdict()).isEqualTo(MonitorVerdict.ERROR);
        assertThat(poison.reason()).contains("gave up after 3 attempts");
        assertThat(all).filteredOn(r -> !r.key().name().equals("poison"))
            .allMatch(r -> r.verdict() == MonitorVerdict.CLEAN);
        assertThat(s.queue().deadLetters()).extracting(d -> d.event().key().name())
            .containsExactly("poison");
        assertThat(s.queue().pending()).isZero();
      }
    }
  }

  private static void runUntilIdle(Path state, FakeRegistry reg) throws Exception {
    Process p = start(state, reg, "until-idle", 2);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("until-idle run ends").isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
  }

  private static void check(Path state, FakeRegistry reg) throws Exception {
    try (SqliteState s = SqliteState.open(state, Clock.systemUTC())) {
      EmbeddedReplayTest.assertExactlyOnePerLiveVersion(s.verdicts().query(VerdictStore.Query.all()), reg);
      assertThat(s.verdicts().query(VerdictStore.Query.all()))
          .allMatch(r -> r.verdict() == MonitorVerdict.CLEAN);
      assertThat(s.cursors().load("npm").orElseThrow().position())
          .isEqualTo(Long.toString(reg.lastSeq()));
      assertThat(s.queue().pending()).isZero();
    }
  }

  private static Process start(Path state, FakeRegistry reg, String mode, int workers,
      String... extra) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx640m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MonitorChild.class.getName());
    cmd.add(state.toString());
    cmd.add(reg.url());
    cmd.add(mode);
    cmd.add(Integer.toString(workers));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static long count(Path state, String table) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("monitor.db"));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=5000");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      return 0; // not created yet
    }
  }
}
