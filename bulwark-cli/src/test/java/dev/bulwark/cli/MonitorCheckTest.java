package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.monitor.DistFixture;
import dev.bulwark.monitor.RegistryFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "How it will be checked", as a test (scripts/monitor-check.sh is the same check
 * through the launcher): a loopback npm registry of real hold-out packages whose changes feed
 * answers every fourth request with a 500; {@code bulwark monitor --state DIR --npm-changes URL
 * --since 0} killed with -9 mid-run, restarted with {@code --until-idle}, more versions published
 * and run again; then a {@code --role follower} and two {@code --role worker} processes on a real
 * Kafka and PostgreSQL, one worker killed with -9. After each: every version has exactly one
 * verdict row, none is missing, and it is malicious exactly when {@code bulwark scan} of its
 * tarball says malicious. The monitor runs in child JVMs of the real command (so kill -9 is a
 * real SIGKILL); results and scans run in process.
 */
class MonitorCheckTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final long MAX_BYTES = 200 * 1024;

  @Test
  void embeddedKilledRestartedAndRunAgain(@TempDir Path tmp) throws Exception {
    try (RegistryFixture reg = registry()) {
      reg.publish(12);
      Path state = tmp.resolve("state");
      Process p = child(tmp, "monitor", "--state", state.toString(), "--npm-changes", reg.url(),
          "--since", "0", "--poll", "1");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (sqliteCount(state, "SELECT count(*) FROM verdicts") < 3 && p.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      p.destroyForcibly(); // SIGKILL
      p.waitFor(30, TimeUnit.SECONDS);
      assertThat(sqliteCount(state, "SELECT count(*) FROM verdicts")).as("killed mid-run")
          .isBetween(3L, 11L);

      run(tmp, "monitor", "--state", state.toString(), "--npm-changes", reg.url(), "--since",
          "0", "--poll", "1", "--until-idle"); // the stored cursor wins over --since
      check(tmp, reg, sqliteCount(state, DUPLICATES), "--state", state.toString());

      reg.publish(6);
      run(tmp, "monitor", "--state", state.toString(), "--npm-changes", reg.url(), "--since",
          "0", "--poll", "1", "--until-idle"); // the stored cursor wins over --since
      check(tmp, reg, sqliteCount(state, DUPLICATES), "--state", state.toString());
      assertThat(reg.injectedErrors()).as("the feed failed now and then").isPositive();
    }
  }

  @Test
  void followerAndTwoWorkersOneKilled(@TempDir Path tmp) throws Exception {
    try (DistFixture f = DistFixture.start(); RegistryFixture reg = registry()) {
      String db = f.database("monitor_check");
      reg.publish(12);
      List<String> d = List.of("monitor", "--kafka", f.kafka(), "--postgres", db,
          "--npm-changes", reg.url(), "--poll", "1");
      List<Process> ps = new ArrayList<>();
      try {
        Process a = child(tmp, concat(d, "--role", "worker"));
        Process b = child(tmp, concat(d, "--role", "worker"));
        ps.addAll(List.of(a, b));
        Thread.sleep(3000); // both join the group before anything is queued
        Process follower = child(tmp, concat(d, "--role", "follower", "--since", "0"));
        ps.add(follower);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (versions(tmp, "--postgres", db).size() < 3 && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
        b.destroyForcibly(); // SIGKILL
        b.waitFor(30, TimeUnit.SECONDS);
        assertThat(versions(tmp, "--postgres", db).size()).as("killed mid-run").isLessThan(12);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (versions(tmp, "--postgres", db).size() < 12 && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
        check(tmp, reg, pgCount(db, DUPLICATES), "--postgres", db);
        follower.destroy();
        a.destroy();
        follower.waitFor(30, TimeUnit.SECONDS);
        a.waitFor(30, TimeUnit.SECONDS);

        reg.publish(6);
        run(tmp, concat(d, "--role", "follower", "--since", "0", "--until-idle"));
        Process c = child(tmp, concat(d, "--role", "worker", "--until-idle"));
        Process e = child(tmp, concat(d, "--role", "worker", "--until-idle"));
        ps.addAll(List.of(c, e));
        assertThat(c.waitFor(240, TimeUnit.SECONDS) && e.waitFor(240, TimeUnit.SECONDS))
            .as("--until-idle workers end").isTrue();
        assertThat(c.exitValue()).isZero();
        assertThat(e.exitValue()).isZero();
        check(tmp, reg, pgCount(db, DUPLICATES), "--postgres", db);
      } finally {
        for (Process p : ps) {
          p.destroyForcibly();
        }
      }
    }
  }

  private static final String DUPLICATES = "SELECT count(*) FROM (SELECT ecosystem, name,"
      + " version FROM verdicts GROUP BY ecosystem, name, version HAVING count(*) > 1) d";

  private static RegistryFixture registry() throws IOException {
    try {
      return RegistryFixture.start(MAX_BYTES, 4);
    } catch (IOException e) {
      Assumptions.abort(e.getMessage());
      throw e;
    }
  }

  /** Every version once, none missing, malicious exactly when `bulwark scan` says so. */
  private static void check(Path tmp, RegistryFixture reg, long duplicatedInStore,
      String... store) throws Exception {
    assertThat(duplicatedInStore).as("versions with more than one verdict row").isZero();
    JsonNode vs = versions(tmp, store);
    List<String> judged = new ArrayList<>();
    Map<String, String> scanned = new HashMap<>();
    for (JsonNode v : vs) {
      String key = v.path("name").asText() + "@" + v.path("version").asText();
      judged.add(key);
      byte[] tgz = reg.tarball(key);
      String sha = java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(tgz));
      String scanVerdict = scanned.get(sha);
      if (scanVerdict == null) {
        Path file = tmp.resolve("scan-" + sha.substring(0, 16) + ".tgz");
        Files.write(file, tgz);
        CliHarness.Run scan = CliHarness.run(tmp, "scan", "--no-audit", "--format", "json",
            file.toString());
        Files.delete(file);
        scanVerdict = M.readTree(scan.out()).path("targets").path(0).path("verdict").asText();
        scanned.put(sha, scanVerdict);
      }
      assertThat(v.path("verdict").asText().equals("malicious"))
          .as(key + ": monitor " + v.path("verdict").asText() + ", scan " + scanVerdict)
          .isEqualTo(scanVerdict.equals("malicious"));
    }
    assertThat(judged).as("one verdict per version, none missing")
        .containsExactlyInAnyOrderElementsOf(reg.live());
    assertThat(scanned).as("the hold-out set has malicious packages").containsValue("malicious");
  }

  private static JsonNode versions(Path tmp, String... store) throws Exception {
    List<String> args = new ArrayList<>(List.of("monitor", "results", "--format", "json"));
    args.addAll(List.of(store));
    CliHarness.Run r = CliHarness.run(tmp, args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return M.readTree(r.out()).path("versions");
  }

  private static void run(Path tmp, String... args) throws Exception {
    Process p = child(tmp, args);
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(String.join(" ", args) + " ends").isTrue();
    assertThat(p.exitValue()).as(String.join(" ", args)).isZero();
  }

  private static String[] concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  /** The real command in a JVM of its own, its output in tmp/child-N.log. */
  private static Process child(Path tmp, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile(tmp, "child-", ".log").toFile());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.toString());
    return pb.start();
  }

  private static long sqliteCount(Path state, String sql) {
    Path db = state.resolve("monitor.db");
    if (!Files.exists(db)) {
      return 0;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=5000");
      try (ResultSet rs = s.executeQuery(sql)) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      return 0; // not created yet
    }
  }

  private static long pgCount(String jdbc, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
