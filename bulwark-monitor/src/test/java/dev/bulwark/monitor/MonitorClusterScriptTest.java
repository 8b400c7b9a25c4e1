package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/monitor-cluster.sh run as root puts PostgreSQL's data where the postgres user must
 * reach it: under a folder only root may enter it stops at once and says why, instead of failing
 * half-way in initdb. (Root with Debian's PostgreSQL binaries only; skipped otherwise.)
 */
class MonitorClusterScriptTest {
  @Test
  void clusterFolderThePostgresUserCannotReachIsRefusedWithTheReason(@TempDir Path tmp)
      throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "runs as root only");
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/lib/postgresql")),
        "needs Debian's postgresql package");
    Path closed = Files.createDirectory(tmp.resolve("closed"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ProcessBuilder pb = new ProcessBuilder("bash", Path.of("..", "scripts", "monitor-cluster.sh")
        .toString(), "start").redirectErrorStream(true);
    pb.environment().put("BULWARK_CLUSTER_DIR", closed.resolve("cluster").toString());
    pb.environment().put("PG_PORT", "1"); // never started
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    assertThat(out).contains("the postgres user cannot reach").doesNotContain("initdb");
  }
}
