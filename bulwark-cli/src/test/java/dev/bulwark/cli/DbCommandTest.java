package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bulwark db import|status` and `audit --db` on the real OSV archives in ../shared. */
class DbCommandTest {
  /** ../shared beside the repository (as on developer machines and in CI). */
  private static final Path OSV = CliHarness.ROOT.resolve("../shared/data/osv").normalize();

  @org.junit.jupiter.api.BeforeEach
  void needs_shared_data() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(OSV),
        "../shared/data/osv is not beside this clone; these tests need it");
  }

  @Test
  void import_then_status_then_audit(@TempDir Path tmp) throws IOException {
    Path db = tmp.resolve("osv.db");
    CliHarness.Run imp = CliHarness.run(tmp, "db", "import", "--db", db.toString(),
        OSV.resolve("npm-nswg.zip").toString(), OSV.resolve("MAL-npm-sample.zip").toString());
    assertThat(imp.exit()).as(imp.err()).isEqualTo(0);
    assertThat(imp.out()).contains("imported 546 records");
    assertThat(Files.exists(db)).isTrue();

    CliHarness.Run status = CliHarness.run(tmp, "db", "status", "--db", db.toString());
    assertThat(status.exit()).isEqualTo(0);
    assertThat(status.out()).contains("npm").contains("malicious").contains("vulnerability")
        .contains("npm-nswg.zip");

    CliHarness.Run audit = CliHarness.run(tmp, "audit", "--db", db.toString(), "--format", "json",
        "examples/vulnerable-app/package-lock.json");
    assertThat(audit.exit()).isEqualTo(1);
    assertThat(audit.out()).contains("\"MAL-2025-5285\"").contains("NSWG-ECO-368");
    assertThat(audit.out()).doesNotContain("django"); // the PyPI data was not imported
  }

  /** A schema 3 file (no packed index) is upgraded on the first audit, which says so once. */
  @Test
  void audit_upgrades_a_schema_3_database_and_says_so(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("osv.db");
    CliHarness.Run imp = CliHarness.run(tmp, "db", "import", "--db", db.toString(),
        OSV.resolve("npm-nswg.zip").toString(), OSV.resolve("MAL-npm-sample.zip").toString());
    assertThat(imp.exit()).as(imp.err()).isEqualTo(0);
    String[] audit = {"audit", "--db", db.toString(), "--format", "json", "examples/vulnerable-app/package-lock.json"};
    CliHarness.Run current = CliHarness.run(tmp, audit);
    assertThat(current.err()).doesNotContain("upgraded");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP TABLE packages");
      st.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    }

    CliHarness.Run upgraded = CliHarness.run(tmp, audit);
    assertThat(upgraded.err()).contains("upgraded the advisory database").contains("from schema version 3 to 4");
    assertThat(upgraded.exit()).isEqualTo(current.exit());
    assertThat(upgraded.out()).isEqualTo(current.out());
    assertThat(CliHarness.run(tmp, audit).err()).doesNotContain("upgraded");
  }

  @Test
  void import_of_a_missing_file_is_a_usage_error(@TempDir Path tmp) {
    CliHarness.Run r = CliHarness.run(tmp, "db", "import", "--db", tmp.resolve("x.db").toString(),
        "no-such.zip");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void status_without_database_says_how_to_get_one(@TempDir Path tmp) {
    CliHarness.Run r = CliHarness.run(tmp, "db", "status", "--db", tmp.resolve("none.db").toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("bulwark db update");
  }

  @Test
  void update_from_an_unreachable_source_keeps_the_old_database(@TempDir Path tmp) throws IOException {
    Path db = tmp.resolve("osv.db");
    assertThat(CliHarness.run(tmp, "db", "import", "--db", db.toString(),
        OSV.resolve("MAL-PyPI-sample.zip").toString()).exit()).isEqualTo(0);
    long size = Files.size(db);
    // Port 9 on loopback: nothing listens there, the connection is refused at once.
    CliHarness.Run r = CliHarness.run(tmp, "db", "update", "--db", db.toString(), "--source",
        "http://127.0.0.1:9/osv/");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("previous database");
    assertThat(Files.size(db)).isEqualTo(size);
  }
}
