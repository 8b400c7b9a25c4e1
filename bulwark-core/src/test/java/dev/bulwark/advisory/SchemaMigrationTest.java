package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by schema version 1 (full records only) is upgraded in place on open and
 * then answers exactly as a database built fresh from the same records.
 */
class SchemaMigrationTest {
  /** The version 1 layout, as Bulwark 0.1 wrote it. */
  private static final List<String> V1 = List.of(
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
      "CREATE TABLE advisories(id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL,"
          + " severity TEXT NOT NULL, score REAL, summary TEXT NOT NULL, aliases TEXT NOT NULL,"
          + " related TEXT NOT NULL, withdrawn TEXT NOT NULL, modified TEXT NOT NULL,"
          + " data BLOB NOT NULL)",
      "CREATE TABLE affected(ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
          + " advisory_id TEXT NOT NULL, PRIMARY KEY(ecosystem, name, advisory_id)) WITHOUT ROWID",
      "CREATE INDEX advisories_source ON advisories(source)");

  private static final List<String> FILES = List.of("ranges/introduced-zero.json",
      "ranges/last-affected.json", "ranges/limit.json", "ranges/multiple-pairs.json",
      "ranges/versions-only.json", "ranges/withdrawn.json", "ranges/pypi-name-normalised.json",
      "ranges/unsorted-events.json", "merge/ghsa.json", "merge/mal.json", "merge/mal-ghsa.json",
      "merge/cve-via-related.json", "merge/pysec.json", "merge/unrelated.json");

  @TempDir Path dir;

  @Test
  void version1IsUpgradedInPlaceAndMatchesAsAFreshBuild() throws Exception {
    List<OsvRecord> records = new ArrayList<>();
    Path folder = Files.createDirectories(dir.resolve("records"));
    for (String f : FILES) {
      records.add(TestData.record(f));
      Files.write(folder.resolve(f.replace('/', '-')), TestData.resource(f));
    }
    Path v1 = dir.resolve("v1.db");
    writeVersion1(v1, records);
    Path fresh = dir.resolve("fresh.db");
    new AdvisoryImporter(AdvisoryImportTest.CLOCK).importSources(List.of(folder), fresh);

    List<Dependency> deps = new ArrayList<>();
    for (OsvRecord r : records) {
      for (OsvAffected a : r.affected()) {
        for (String v : List.of("0.1", "1.0.0", "1.0.1", "1.0.3", "1.2", "1.5", "2.0.0", "3.1.0")) {
          deps.add(TestData.exact(a.ecosystem(), a.name(), v));
        }
        deps.add(TestData.dep(a.ecosystem(), a.name(), a.ecosystem() == Ecosystem.NPM ? "^1.0.0" : ">=1.0", true));
      }
    }
    int hits = 0;
    try (AdvisoryDatabase upgraded = AdvisoryDatabase.open(v1);
        AdvisoryDatabase built = AdvisoryDatabase.open(fresh)) {
      assertThat(upgraded.status().schemaVersion()).isEqualTo(Schema.VERSION);
      for (Dependency d : deps) {
        List<AdvisoryMatch> want = built.match(d, true);
        assertThat(upgraded.match(d, true)).as(d.display()).isEqualTo(want);
        hits += want.size();
      }
    }
    assertThat(hits).isGreaterThan(10);
    try (AdvisoryDatabase again = AdvisoryDatabase.open(v1)) {   // upgraded once, opens as is
      assertThat(again.status().schemaVersion()).isEqualTo(Schema.VERSION);
    }
  }

  @Test
  void readOnlyVersion1FileGivesAClearError() throws Exception {
    Path v1 = dir.resolve("ro.db");
    writeVersion1(v1, List.of(TestData.record("ranges/limit.json")));
    assertThat(v1.toFile().setWritable(false)).isTrue();
    if (Files.isWritable(v1)) {
      return; // running as a user who can write anyway (root): nothing to observe
    }
    assertThatThrownBy(() -> AdvisoryDatabase.open(v1))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining("schema version 1");
  }

  @Test
  void unknownVersionIsRefused() throws Exception {
    Path v = dir.resolve("v99.db");
    writeVersion1(v, List.of(TestData.record("ranges/limit.json")));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v);
        Statement st = c.createStatement()) {
      st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    }
    assertThatThrownBy(() -> AdvisoryDatabase.open(v))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining("schema version 99");
  }

  /** Writes records as schema version 1 did: the full record blob, and index rows of keys only. */
  static void writeVersion1(Path file, List<OsvRecord> records) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        BlobCodec.Encoder enc = new BlobCodec.Encoder()) {
      try (Statement st = c.createStatement()) {
        for (String ddl : V1) {
          st.execute(ddl);
        }
        st.execute("INSERT INTO meta VALUES ('schema_version', '1'), ('imported_at', '2026-01-01T00:00:00Z')");
      }
      try (PreparedStatement a = c.prepareStatement(
              "INSERT INTO advisories VALUES (?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement f = c.prepareStatement("INSERT OR IGNORE INTO affected VALUES (?,?,?)")) {
        for (OsvRecord r : records) {
          a.setString(1, r.id());
          a.setString(2, "test");
          a.setString(3, r.kind().jsonName());
          a.setString(4, r.severity().name());
          if (r.score().isPresent()) {
            a.setDouble(5, r.score().getAsDouble());
          } else {
            a.setNull(5, Types.REAL);
          }
          a.setString(6, r.summary());
          a.setString(7, String.join(" ", r.aliases()));
          a.setString(8, String.join(" ", r.related()));
          a.setString(9, r.withdrawn());
          a.setString(10, r.modified());
          a.setBytes(11, enc.encode(r));
          a.executeUpdate();
          for (OsvAffected x : r.affected()) {
            f.setString(1, x.ecosystem().osvName());
            f.setString(2, x.name());
            f.setString(3, r.id());
            f.executeUpdate();
          }
        }
      }
    }
  }
}
