package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.monitor.DistFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed mode through the real picocli command, in process, against a real Kafka broker
 * and a real PostgreSQL (started by the monitor's {@link DistFixture}, skipped when they cannot
 * start outside CI): {@code --role follower} queues the loopback feed, {@code --role worker}
 * judges it, {@code monitor results --postgres} lists exactly one verdict per version, each
 * malicious exactly when {@code bulwark scan} calls its tarball malicious.
 */
class MonitorDistributedCliTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void followerThenWorkerThroughTheCli(@TempDir Path tmp) throws Exception {
    try (DistFixture f = DistFixture.start()) {
      String db = f.database("cli_roles");
      f.publishPlain("cli", 8);
      f.publishMalicious(3);
      int n = f.live().size();

      CliHarness.Run follower = CliHarness.run(tmp, "monitor", "--kafka", f.kafka(),
          "--postgres", db, "--role", "follower", "--npm-changes", f.registry(), "--since", "0",
          "--until-idle", "--poll", "1", "-q");
      assertThat(follower.exit()).as(follower.err()).isZero();
      assertThat(follower.err()).contains("(follower): queued " + n + ", judged 0");
      assertThat(versions(tmp, db)).isEmpty();

      CliHarness.Run worker = CliHarness.run(tmp, "monitor", "--kafka", f.kafka(), "--postgres",
          db, "--role", "worker", "--npm-changes", f.registry(), "--until-idle", "--workers", "2",
          "-q");
      assertThat(worker.exit()).as(worker.err()).isZero();
      assertThat(worker.err()).contains("(worker): queued 0, judged " + n);

      List<String> judged = new ArrayList<>();
      for (JsonNode v : versions(tmp, db)) {
        String key = v.path("name").asText() + "@" + v.path("version").asText();
        judged.add(key);
        Path file = tmp.resolve("t" + judged.size() + ".tgz");
        Files.write(file, f.tarball(key));
        CliHarness.Run scan = CliHarness.run(tmp, "scan", "--format", "json", file.toString());
        String scanVerdict = M.readTree(scan.out()).findValue("verdict").asText();
        assertThat(v.path("verdict").asText().equals("malicious"))
            .as(key + ": monitor " + v.path("verdict").asText() + ", scan " + scanVerdict)
            .isEqualTo(scanVerdict.equals("malicious"));
      }
      assertThat(judged).containsExactlyInAnyOrderElementsOf(f.live());

      CliHarness.Run again = CliHarness.run(tmp, "monitor", "--kafka", f.kafka(), "--postgres",
          db, "--role", "follower", "--npm-changes", f.registry(), "--until-idle", "-q");
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.err()).contains("(follower): queued 0,");
    }
  }

  private static JsonNode versions(Path tmp, String db) throws Exception {
    CliHarness.Run r = CliHarness.run(tmp, "monitor", "results", "--postgres", db, "--format",
        "json");
    assertThat(r.exit()).as(r.err()).isZero();
    return M.readTree(r.out()).path("versions");
  }
}
