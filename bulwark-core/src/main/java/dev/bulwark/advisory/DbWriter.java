package dev.bulwark.advisory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a new advisory database file in one transaction with batched prepared statements. The
 * file is scratch until {@link #finish} returns: journalling and syncing are off while it is
 * built, and the caller moves it into place afterwards.
 */
final class DbWriter implements AutoCloseable {
  private static final int BATCH = 2_000;
  /** The page cache of the file being built, in KiB. */
  static final int CACHE_KIB = 128 * 1024;

  private final Path file;
  private final Connection conn;
  private final PreparedStatement insertAdvisory;
  private final PreparedStatement insertAffected;
  private final BlobCodec.Encoder encoder = new BlobCodec.Encoder();
  private int pending;

  private DbWriter(Path file, Connection conn) throws SQLException {
    this.file = file;
    this.conn = conn;
    this.insertAdvisory = conn.prepareStatement(Schema.INSERT_ADVISORY);
    this.insertAffected = conn.prepareStatement(Schema.INSERT_AFFECTED);
  }

  /** Creates an empty database at {@code file}, replacing any leftover file there. */
  static DbWriter create(Path file) throws AdvisoryException {
    try {
      Files.deleteIfExists(file);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA journal_mode=OFF");
        st.execute("PRAGMA synchronous=OFF");
        st.execute("PRAGMA locking_mode=EXCLUSIVE");
        // Index rows arrive in record order, not key order: a page cache that holds the hot part
        // of the indexes saves re-reading and re-writing pages (SQLite's default is 2 MB).
        st.execute("PRAGMA cache_size=-" + CACHE_KIB);
        st.execute("PRAGMA temp_store=MEMORY");
        for (String ddl : Schema.CREATE) {
          st.execute(ddl);
        }
      }
      conn.setAutoCommit(false);
      return new DbWriter(file, conn);
    } catch (SQLException | IOException e) {
      throw new AdvisoryException("cannot create database " + file + ": " + e.getMessage(), e);
    }
  }

  void add(OsvRecord r, String source) throws AdvisoryException {
    try {
      insertAdvisory.setString(1, r.id());
      insertAdvisory.setString(2, source);
      insertAdvisory.setString(3, r.kind().jsonName());
      insertAdvisory.setString(4, r.severity().name());
      if (r.score().isPresent()) {
        insertAdvisory.setDouble(5, r.score().getAsDouble());
      } else {
        insertAdvisory.setNull(5, Types.REAL);
      }
      insertAdvisory.setString(6, r.summary());
      insertAdvisory.setString(7, String.join(" ", r.aliases()));
      insertAdvisory.setString(8, String.join(" ", r.related()));
      insertAdvisory.setString(9, r.withdrawn());
      insertAdvisory.setString(10, r.modified());
      insertAdvisory.setBytes(11, encoder.encode(r));
      insertAdvisory.addBatch();
      StoredAdvisory stored = StoredAdvisory.of(r);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (OsvAffected a : r.affected()) {
        if (!seen.add(a.ecosystem().osvName() + "\u0000" + a.name())) {
          continue; // every entry of this name went into the first row
        }
        insertAffected.setString(1, a.ecosystem().osvName());
        insertAffected.setString(2, a.name());
        insertAffected.setString(3, r.id());
        insertAffected.setString(4, r.modified());
        List<MatchCodec.Entry> entries = MatchCodec.entries(stored, a.ecosystem(), a.name());
        byte[][] envelope = MatchCodec.envelope(a.ecosystem(), entries);
        insertAffected.setBytes(5, envelope[0]);
        insertAffected.setBytes(6, envelope[1]);
        insertAffected.setBytes(7, MatchCodec.encode(stored, a.ecosystem(), entries));
        insertAffected.addBatch();
      }
      if (++pending >= BATCH) {
        flush();
      }
    } catch (SQLException e) {
      throw failure("cannot store " + r.id(), e);
    }
  }

  /** Copies the records and meta entries of one source from an older database file. */
  void copySource(Path oldDb, String source) throws AdvisoryException {
    try (Statement st = conn.createStatement()) {
      flush();
      conn.commit();
      conn.setAutoCommit(true); // ATTACH is refused inside a transaction
      st.execute("ATTACH DATABASE '" + oldDb.toAbsolutePath().toString().replace("'", "''") + "' AS old");
      conn.setAutoCommit(false);
      try (PreparedStatement a = conn.prepareStatement(
              "INSERT OR IGNORE INTO advisories SELECT * FROM old.advisories WHERE source = ?");
          PreparedStatement f = conn.prepareStatement(
              "INSERT OR IGNORE INTO affected SELECT f.* FROM old.affected f"
                  + " JOIN old.advisories a ON a.id = f.advisory_id WHERE a.source = ?");
          PreparedStatement m = conn.prepareStatement(
              "INSERT OR REPLACE INTO meta SELECT * FROM old.meta WHERE key LIKE ? ESCAPE '\\'")) {
        a.setString(1, source);
        a.executeUpdate();
        f.setString(1, source);
        f.executeUpdate();
        m.setString(1, Schema.sourceKey(source, "").replace("_", "\\_").replace("%", "\\%") + "%");
        m.executeUpdate();
      }
      conn.commit();
      conn.setAutoCommit(true);
      st.execute("DETACH DATABASE old");
      conn.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("cannot copy source " + source + " from " + oldDb, e);
    }
  }

  void putMeta(String key, String value) throws AdvisoryException {
    try (PreparedStatement st = conn.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?,?)")) {
      st.setString(1, key);
      st.setString(2, value);
      st.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot write meta " + key, e);
    }
  }

  /** Writes the summary meta entries, commits and closes the file. */
  void finish(Instant importedAt) throws AdvisoryException {
    try {
      flush();
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(Schema.DROP_STALE_AFFECTED);
      }
      PackedIndex.rebuild(conn);
      putMeta(Schema.SCHEMA_VERSION, Integer.toString(Schema.VERSION));
      putMeta(Schema.IMPORTED_AT, importedAt.toString());
      putMeta(Schema.NEWEST_MODIFIED, single("SELECT coalesce(max(modified), '') FROM advisories"));
      for (Map.Entry<String, Integer> c : counts().entrySet()) {
        putMeta(c.getKey(), Integer.toString(c.getValue()));
      }
      conn.commit();
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA optimize");
      }
      close();
    } catch (SQLException e) {
      throw failure("cannot finish database", e);
    }
  }

  private Map<String, Integer> counts() throws SQLException {
    Map<String, Integer> out = new TreeMap<>();
    String sql =
        "SELECT f.ecosystem, a.kind, a.withdrawn <> '', count(DISTINCT a.id) FROM affected f"
            + " JOIN advisories a ON a.id = f.advisory_id GROUP BY 1, 2, 3";
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String key = (rs.getBoolean(3) ? "withdrawn." : "count.") + rs.getString(1) + "." + rs.getString(2);
        out.put(key, rs.getInt(4));
      }
    }
    return out;
  }

  private String single(String sql) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      insertAdvisory.executeBatch();
      insertAffected.executeBatch();
      pending = 0;
    }
  }

  private AdvisoryException failure(String what, SQLException e) {
    return new AdvisoryException(file + ": " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    encoder.close();
    try {
      conn.close();
    } catch (SQLException e) {
      // Closing a scratch file: nothing useful to report.
    }
  }
}
