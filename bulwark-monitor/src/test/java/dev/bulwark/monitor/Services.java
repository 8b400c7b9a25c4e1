package dev.bulwark.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL (Debian's server binaries, run as the postgres user when the tests run as
 * root) and a real single-node Kafka broker (KRaft, from the kafka_2.13 test dependency, in a
 * child JVM), both on 127.0.0.1 ports of their own, in a temp folder deleted at close. Either can
 * be killed and restarted on the same port and data (the fault tests). When they cannot start,
 * the tests fail when CI=true and are skipped otherwise.
 */
final class Services implements AutoCloseable {
  private final Path dir;
  private final Path pgBin;
  private final int pgPort;
  private final int kafkaPort;
  private final int controllerPort;
  private Process broker;

  private Services(Path dir, Path pgBin, int pgPort, int kafkaPort, int controllerPort) {
    this.dir = dir;
    this.pgBin = pgBin;
    this.pgPort = pgPort;
    this.kafkaPort = kafkaPort;
    this.controllerPort = controllerPort;
  }

  static Services start() throws Exception {
    Path bin = pgBin();
    if (bin == null) {
      unavailable("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install"
          + " postgresql)");
    }
    Path dir = Files.createTempDirectory("bulwark-dist-");
    Services s = new Services(dir, bin, freePort(), freePort(), freePort());
    try {
      s.initPostgres();
      s.startPostgres();
      s.formatKafka();
      s.startKafka();
    } catch (Exception | AssertionError e) {
      s.close();
      unavailable("cannot start the services: " + e);
    }
    return s;
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("distributed tests need PostgreSQL and Kafka in CI: " + why);
    }
    Assumptions.abort(why);
  }

  String kafka() {
    return "127.0.0.1:" + kafkaPort;
  }

  /** A JDBC URL of a database of its own (created here), so scenarios do not share rows. */
  String database(String name) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc("postgres"));
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return jdbc(name);
  }

  String jdbc(String db) {
    return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + db + "?user=bulwark";
  }

  // ---- PostgreSQL ----

  private static Path pgBin() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> vs = Files.list(root)) {
      return vs.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(Path::toString)).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private List<String> asPostgres(String... cmd) {
    List<String> out = new ArrayList<>();
    if (root()) {
      out.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    out.addAll(List.of(cmd));
    return out;
  }

  private void initPostgres() throws Exception {
    Path pg = dir.resolve("pg");
    Files.createDirectories(pg);
    if (root()) {
      run(List.of("chown", "-R", "postgres", pg.toString()), 30);
      run(List.of("chmod", "755", dir.toString()), 30);
    }
    run(asPostgres(pgBin.resolve("initdb").toString(), "-D", pg.resolve("data").toString(),
        "-A", "trust", "-U", "bulwark", "--no-sync"), 180);
  }

  void startPostgres() throws Exception {
    Path pg = dir.resolve("pg");
    run(asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pg.resolve("data").toString(),
        "-o", "-p " + pgPort + " -k " + pg + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "-l", pg.resolve("log").toString(), "-w", "-t", "120", "start"), 180);
  }

  /** Stops PostgreSQL at once (no shutdown checkpoint: as a crash). */
  void stopPostgres() throws Exception {
    run(asPostgres(pgBin.resolve("pg_ctl").toString(), "-D",
        dir.resolve("pg").resolve("data").toString(), "-m", "immediate", "-w", "stop"), 120);
  }

  // ---- Kafka ----

  private void formatKafka() throws Exception {
    Path k = dir.resolve("kafka");
    Files.createDirectories(k);
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:"
        + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", k.resolve("logs").toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("group.min.session.timeout.ms", "2000");
    p.put("auto.create.topics.enable", "false");
    try (var w = Files.newBufferedWriter(k.resolve("server.properties"))) {
      p.store(w, "bulwark distributed tests");
    }
    run(java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
        k.resolve("server.properties").toString(), "--standalone"), 180);
  }

  void startKafka() throws Exception {
    Path k = dir.resolve("kafka");
    ProcessBuilder pb = new ProcessBuilder(java("kafka.Kafka",
        k.resolve("server.properties").toString()));
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
        k.resolve("broker.log").toFile()));
    broker = pb.start();
    Properties ap = new Properties();
    ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
    ap.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    ap.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    try (Admin a = Admin.create(ap)) {
      while (true) {
        if (!broker.isAlive()) {
          throw new IOException("the broker exited: " + tail(k.resolve("broker.log")));
        }
        try {
          a.describeCluster().nodes().get(10, TimeUnit.SECONDS);
          if (listening(kafkaPort)) {
            return;
          }
        } catch (Exception e) {
          // Not up yet.
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("the broker did not start in 180 s: "
              + tail(k.resolve("broker.log")));
        }
        Thread.sleep(500);
      }
    }
  }

  /** kill -9 of the broker. */
  void killKafka() throws InterruptedException {
    if (broker != null) {
      broker.destroyForcibly();
      broker.waitFor(60, TimeUnit.SECONDS);
      broker = null;
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A command line that runs {@code main} of the test classpath in a new JVM. */
  static List<String> java(String main, String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), main));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static void run(List<String> cmd, int seconds) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " failed: "
          + new String(out, StandardCharsets.UTF_8));
    }
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log);
      return s.substring(Math.max(0, s.length() - 2000));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      killKafka();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      stopPostgres();
    } catch (Exception e) {
      // Not running.
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp folder left behind is harmless.
    }
  }
}
