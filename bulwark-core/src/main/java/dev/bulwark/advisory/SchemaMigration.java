package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Upgrades an advisory database of an older schema version in place, in one transaction, so that
 * a database built by an older Bulwark keeps working without a download. Versions 1 and 2: the
 * per-advisory rows are rebuilt with the compact match form and its key envelope, computed from
 * the full records the file already holds (decoded once, here, instead of on every lookup).
 * Version 3 already holds those rows. Then, for every version, the packed lookup index of schema
 * 4 is derived from them ({@link PackedIndex#rebuild}).
 */
final class SchemaMigration {
  private SchemaMigration() {}

  /** Upgrades {@code path} from version {@code from}; fails for versions it cannot upgrade. */
  static void upgrade(Path path, int from) throws AdvisoryException {
    if (from < 1 || from > 3) {
      throw new AdvisoryException(path + ": schema version " + from + ", expected " + Schema.VERSION
          + " (rebuild it with `bulwark db update`)");
    }
    if (!Files.isWritable(path)) {
      throw new AdvisoryException(path + ": schema version " + from + " must be upgraded to " + Schema.VERSION
          + " and the file is not writable (rebuild it with `bulwark db update`)");
    }
    FileLock lock = DbFiles.lock(path);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath())) {
      c.setAutoCommit(false);
      if (version(c) != from) {
        return; // another process upgraded it meanwhile
      }
      if (from < 3) {
        rebuildAffected(c);
      }
      PackedIndex.rebuild(c);
      try (Statement st = c.createStatement()) {
        st.execute("UPDATE meta SET value = '" + Schema.VERSION + "' WHERE key = '" + Schema.SCHEMA_VERSION + "'");
      }
      c.commit();
    } catch (SQLException e) {
      throw new AdvisoryException(path + ": cannot upgrade schema version " + from + " to " + Schema.VERSION
          + ": " + e.getMessage(), e);
    } finally {
      DbFiles.unlock(lock);
    }
  }

  private static int version(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      st.setString(1, Schema.SCHEMA_VERSION);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
      }
    }
  }

  /** Versions 1 and 2 both hold the full records and the (ecosystem, name, advisory_id) rows. */
  private static void rebuildAffected(Connection c) throws SQLException, AdvisoryException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS affected_new");
      st.execute(Schema.AFFECTED.replace("CREATE TABLE affected(", "CREATE TABLE affected_new("));
    }
    String select = "SELECT f.ecosystem, f.name, a.id, a.kind, a.severity, a.score, a.summary,"
        + " a.aliases, a.related, a.withdrawn, a.modified, a.data FROM affected f"
        + " JOIN advisories a ON a.id = f.advisory_id";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(select);
        PreparedStatement ins = c.prepareStatement(
            Schema.INSERT_AFFECTED.replace("INTO affected(", "INTO affected_new(")
                .replace("affected.modified", "affected_new.modified"))) {
      int pending = 0;
      while (rs.next()) {
        Ecosystem eco = Ecosystem.parse(rs.getString(1)).orElse(null);
        if (eco == null) {
          continue; // v1 never stored other ecosystems; nothing to match for one anyway
        }
        String id = rs.getString(3);
        double score = rs.getDouble(6);
        OptionalDouble s = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
        StoredAdvisory adv = new StoredAdvisory(id,
            AdvisoryKind.parse(rs.getString(4)).orElse(AdvisoryKind.VULNERABILITY),
            Severity.parse(rs.getString(5)).orElse(Severity.UNKNOWN), s, rs.getString(7),
            words(rs.getString(8)), words(rs.getString(9)), !rs.getString(10).isEmpty(),
            BlobCodec.decode(rs.getBytes(12), id));
        ins.setString(1, rs.getString(1));
        ins.setString(2, rs.getString(2));
        ins.setString(3, id);
        ins.setString(4, rs.getString(11));
        byte[][] envelope = MatchCodec.envelope(adv, eco, rs.getString(2));
        ins.setBytes(5, envelope[0]);
        ins.setBytes(6, envelope[1]);
        ins.setBytes(7, MatchCodec.encode(adv, eco, rs.getString(2)));
        ins.addBatch();
        if (++pending >= 2_000) {
          ins.executeBatch();
          pending = 0;
        }
      }
      ins.executeBatch();
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE affected");
      st.execute("ALTER TABLE affected_new RENAME TO affected");
    }
  }

  /** Splits the space-separated id columns (written by DbWriter) without a regex. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.split(" ", -1)) { // one-character split: no regex engine involved
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
