package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.DbStatus;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code db import} and {@code db update} killed with SIGKILL (destroyForcibly) at
 * random points in a child JVM. After each kill the database is whole and is either the old one
 * or the new one, and the next run works with no manual clean-up. The kill points are uniform
 * over the duration of an uninterrupted run (measured first), with a fixed seed.
 */
class DbKillTest {
  private static final Path OSV = CliHarness.ROOT.resolve("../shared/data/osv").normalize();
  private static final int KILLS = Integer.getInteger("bulwark.killRuns", 3);

  /** The sources a database was built from, by file or URL name: identifies old and new. */
  private static List<String> state(Path db) throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      DbStatus s = d.status();
      assertThat(s.counts()).isNotEmpty();
      return s.sources().stream().map(x -> x.location().replaceAll(".*[/\\\\]([^/\\\\]+/[^/\\\\]+)$", "$1"))
          .sorted().toList();
    }
  }

  private static Process child(Path home, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), "dev.bulwark.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(home.resolve("child.log").toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CACHE_HOME", home.toString());
    return pb.start();
  }

  private static long runToEnd(Path home, String... args) throws Exception {
    long t0 = System.nanoTime();
    Process p = child(home, args);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(home.resolve("child.log"))).isZero();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private void killAtRandomPoints(String what, Path home, Path db, List<String> oldState,
      List<String> newState, String[] restoreOld, String... args) throws Exception {
    long full = runToEnd(home, args); // also shows the run works and what "new" looks like
    assertThat(state(db)).isEqualTo(newState);
    Random random = new Random(14);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < KILLS; i++) {
      CliHarness.Run reset = CliHarness.run(home, restoreOld);
      assertThat(reset.exit()).as("the next run needs no clean-up: " + reset.err()).isZero();
      assertThat(state(db)).isEqualTo(oldState);
      Process p = child(home, args);
      long delay = (long) (random.nextDouble() * full);
      boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
      p.destroyForcibly();
      p.waitFor(1, TimeUnit.MINUTES);
      List<String> after = state(db);
      assertThat(after).as(what + " killed after " + delay + " ms").isIn(oldState, newState);
      outcomes.merge((finished ? "finished" : "killed") + "-" + (after.equals(oldState) ? "old" : "new"),
          1, Integer::sum);
    }
    // And a full run after the last kill works too, with the leftovers of the kill beside it.
    runToEnd(home, args);
    assertThat(state(db)).isEqualTo(newState);
    System.out.printf("kill -9 of %s: uninterrupted run %d ms; %d kills: %s%n", what, full, KILLS,
        outcomes);
  }

  @Test
  void importKilledAtRandomPointsLeavesTheOldOrTheNewDatabase(@TempDir Path home) throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(OSV), "../shared/data/osv is needed");
    Path db = home.resolve("osv.db");
    String[] old = {"db", "import", "--db", db.toString(), OSV.resolve("MAL-npm-sample.zip").toString()};
    killAtRandomPoints("db import", home, db, List.of("osv/MAL-npm-sample.zip"),
        List.of("osv/PyPI-pysec.zip", "osv/npm-nswg.zip"), old, "db", "import", "--db",
        db.toString(), OSV.resolve("PyPI-pysec.zip").toString(), OSV.resolve("npm-nswg.zip").toString());
  }

  @Test
  void updateKilledAtRandomPointsLeavesTheOldOrTheNewDatabase(@TempDir Path home) throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(OSV), "../shared/data/osv is needed");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, byte[]> files = Map.of("/osv/npm/all.zip", Files.readAllBytes(OSV.resolve("npm-nswg.zip")),
        "/osv/PyPI/all.zip", Files.readAllBytes(OSV.resolve("PyPI-pysec.zip")));
    server.createContext("/", ex -> {
      byte[] body = files.get(ex.getRequestURI().getPath());
      ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream o = ex.getResponseBody()) {
        if (body != null) {
          o.write(body);
        }
      }
    });
    server.start();
    try {
      Path db = home.resolve("osv.db");
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/osv/";
      String[] old = {"db", "import", "--db", db.toString(), OSV.resolve("MAL-npm-sample.zip").toString()};
      killAtRandomPoints("db update", home, db, List.of("osv/MAL-npm-sample.zip"),
          List.of("PyPI/all.zip", "npm/all.zip"), old, "db", "update", "--db", db.toString(),
          "--source", base);
    } finally {
      server.stop(0);
    }
  }
}
