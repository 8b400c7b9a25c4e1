package dev.bulwark.project;

import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Package verdicts by integrity hash (an SRI string such as "sha512-…"), in a small SQLite file,
 * so a tarball already scanned is not fetched again. The hash names the exact bytes, so a verdict
 * never goes stale for the same key; the engine version is stored so a newer engine rescans.
 */
public final class VerdictCache implements AutoCloseable {
  /** A cached verdict. */
  public record Entry(Verdict verdict, int score, String reason, List<String> ruleIds) {}

  private final Connection conn;
  private final String engine;

  private VerdictCache(Connection conn, String engine) {
    this.conn = conn;
    this.engine = engine;
  }

  public static VerdictCache open(Path file, String engineVersion) throws IOException {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS verdicts (integrity TEXT PRIMARY KEY, engine TEXT"
            + " NOT NULL, verdict TEXT NOT NULL, score INTEGER NOT NULL, reason TEXT NOT NULL,"
            + " rules TEXT NOT NULL)");
      }
      return new VerdictCache(c, engineVersion);
    } catch (SQLException e) {
      throw new IOException("cannot open the verdict cache " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized Optional<Entry> get(String integrity) {
    try (PreparedStatement p = conn.prepareStatement(
        "SELECT verdict, score, reason, rules FROM verdicts WHERE integrity = ? AND engine = ?")) {
      p.setString(1, integrity);
      p.setString(2, engine);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        String rules = r.getString(4);
        return Optional.of(new Entry(Verdict.valueOf(r.getString(1)), r.getInt(2), r.getString(3),
            rules.isEmpty() ? List.of() : Arrays.asList(rules.split(","))));
      }
    } catch (SQLException | IllegalArgumentException e) {
      return Optional.empty(); // a damaged cache only costs a rescan
    }
  }

  public synchronized void put(String integrity, Entry e) {
    try (PreparedStatement p = conn.prepareStatement(
        "INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setString(1, integrity);
      p.setString(2, engine);
      p.setString(3, e.verdict().name());
      p.setInt(4, e.score());
      p.setString(5, e.reason());
      p.setString(6, String.join(",", e.ruleIds()));
      p.executeUpdate();
    } catch (SQLException ex) {
      // not fatal: the verdict is still reported, only not remembered
    }
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      // nothing to do
    }
  }
}
