package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.VersionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded watch state: {@code DIR/watch.db} (SQLite, WAL), beside the monitor's own
 * {@code monitor.db}. One connection under one lock, as the monitor's state. The index is
 * {@code deps(ecosystem, name, version)}: a verdict finds its projects with one index lookup.
 */
public final class SqliteWatchStore implements WatchStore {
  static final int SCHEMA_VERSION = 1;
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS projects(name TEXT PRIMARY KEY, file TEXT NOT NULL,"
        + " uploaded INTEGER NOT NULL, deps INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS deps(project TEXT NOT NULL, ecosystem TEXT NOT NULL,"
        + " name TEXT NOT NULL, version TEXT NOT NULL, unpinned INTEGER NOT NULL,"
        + " direct INTEGER NOT NULL, dev INTEGER NOT NULL,"
        + " PRIMARY KEY(project, ecosystem, name, version, unpinned)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS deps_key ON deps(ecosystem, name, version, unpinned, project)",
    "CREATE TABLE IF NOT EXISTS alerts(id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " project TEXT NOT NULL, ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
        + " version TEXT NOT NULL, cause TEXT NOT NULL, verdict TEXT NOT NULL,"
        + " summary TEXT NOT NULL, state TEXT NOT NULL, raised INTEGER NOT NULL,"
        + " changed INTEGER NOT NULL, UNIQUE(project, ecosystem, name, version, cause))",
    "CREATE INDEX IF NOT EXISTS alerts_raised ON alerts(raised)",
    "CREATE TABLE IF NOT EXISTS verdicts(ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
        + " version TEXT NOT NULL, verdict TEXT NOT NULL, score INTEGER NOT NULL,"
        + " reason TEXT NOT NULL, evidence TEXT NOT NULL, published INTEGER NOT NULL,"
        + " judged INTEGER NOT NULL, PRIMARY KEY(ecosystem, name, version)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS verdicts_judged ON verdicts(judged)",
    "CREATE TABLE IF NOT EXISTS tokens(id TEXT PRIMARY KEY, name TEXT NOT NULL,"
        + " scope TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created INTEGER NOT NULL,"
        + " revoked INTEGER NOT NULL DEFAULT 0)",
  };

  private final Connection conn;
  private final Object lock = new Object();

  private SqliteWatchStore(Connection conn) {
    this.conn = conn;
  }

  /** Opens (creating when needed) {@code dir/watch.db}. */
  public static SqliteWatchStore open(Path dir) throws WatchException {
    try {
      Files.createDirectories(dir);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("watch.db"));
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
        for (String sql : SCHEMA) {
          s.execute(sql);
        }
        s.execute("INSERT OR IGNORE INTO meta VALUES('schema', '" + SCHEMA_VERSION + "')");
      }
      return new SqliteWatchStore(c);
    } catch (java.io.IOException | SQLException e) {
      throw new WatchException("cannot open the watch state in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static final WatchRows.Dialect D = WatchRows.Dialect.SQLITE;

  /** Runs {@code work} under the lock, naming {@code what} when it fails. */
  private <T> T with(String what, WatchRows.Work<T> work) throws WatchException {
    synchronized (lock) {
      try {
        return work.run(conn);
      } catch (SQLException | java.io.IOException e) {
        throw new WatchException("watch state: " + what + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Replaced replace(String project, String file, Collection<PinnedPackage> packages,
      Instant now) throws WatchException {
    return with("replace the inventory of a project", c -> {
      c.setAutoCommit(false);
      try {
        WatchRows.deleteDeps(c, D, project);
        try (PreparedStatement p = c.prepareStatement(
            "INSERT OR IGNORE INTO deps VALUES(?, ?, ?, ?, ?, ?, ?)")) {
          for (PinnedPackage d : packages) {
            WatchRows.bindDep(p, project, d);
            p.addBatch();
          }
          p.executeBatch();
        }
        WatchRows.upsertProject(c, D, project, file, now, packages.size());
        List<Alert> gone;
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM alerts a WHERE project = ?"
            + WatchRows.goneFromDeps(D))) {
          p.setString(1, project);
          gone = WatchRows.alerts(p);
        }
        try (PreparedStatement p = c.prepareStatement(
            "UPDATE alerts SET state = 'resolved', changed = ? WHERE id = ?")) {
          for (Alert a : gone) {
            p.setLong(1, now.toEpochMilli());
            p.setLong(2, a.id());
            p.addBatch();
          }
          p.executeBatch();
        }
        c.commit();
        List<Alert> resolved = new ArrayList<>();
        for (Alert a : gone) {
          resolved.add(new Alert(a.id(), a.project(), a.key(), a.cause(), a.verdict(),
              a.summary(), AlertState.RESOLVED, a.raised()));
        }
        return new Replaced(resolved);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  @Override
  public List<String> projectsPinning(VersionKey key) throws WatchException {
    return with("look up the projects of a version", c -> WatchRows.projectsPinning(c, D, key));
  }

  @Override
  public Set<VersionKey> pinnedVersions() throws WatchException {
    return with("list pinned versions", c -> WatchRows.pinnedVersions(c, D));
  }

  @Override
  public List<Project> projects() throws WatchException {
    return with("list projects", c -> WatchRows.projects(c, D, Optional.empty()));
  }

  @Override
  public Optional<Project> project(String name) throws WatchException {
    return with("list projects", c -> WatchRows.projects(c, D, Optional.of(name))).stream()
        .findFirst();
  }

  @Override
  public List<PinnedPackage> packages(String project) throws WatchException {
    return with("list a project's packages", c -> WatchRows.packages(c, D, project));
  }

  @Override
  public Optional<Alert> raise(String project, VersionKey key, String cause, String verdict,
      String summary, Instant now) throws WatchException {
    return with("raise an alert", c -> {
      try (PreparedStatement p = c.prepareStatement(WatchRows.raiseSql(D))) {
        WatchRows.bindRaise(p, project, key, cause, verdict, summary, now);
        if (p.executeUpdate() == 0) {
          return Optional.empty();
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM alerts WHERE project = ?"
          + " AND ecosystem = ? AND name = ? AND version = ? AND cause = ?")) {
        p.setString(1, project);
        p.setString(2, key.ecosystem().osvName());
        p.setString(3, key.name());
        p.setString(4, key.version());
        p.setString(5, cause);
        return WatchRows.alerts(p).stream().findFirst();
      }
    });
  }

  @Override
  public List<Alert> alerts(Optional<Instant> since, Optional<AlertState> state,
      Optional<String> project, int limit) throws WatchException {
    return with("list alerts", c -> WatchRows.alerts(c, D, since, state, project, limit));
  }

  @Override
  public boolean acknowledge(long id, Instant now) throws WatchException {
    return with("acknowledge an alert", c -> WatchRows.acknowledge(c, D, id, now));
  }

  @Override
  public Map<AlertState, Long> alertCounts() throws WatchException {
    return with("count alerts", c -> WatchRows.alertCounts(c, D));
  }

  @Override
  public void verdict(PackageVerdict v) throws WatchException {
    with("store a verdict", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT OR REPLACE INTO verdicts VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        WatchRows.bindVerdict(p, v);
        return p.executeUpdate();
      }
    });
  }

  @Override
  public Optional<PackageVerdict> verdict(VersionKey key) throws WatchException {
    return with("read verdicts", c -> WatchRows.verdict(c, D, key));
  }

  @Override
  public List<PackageVerdict> badVerdicts(Collection<VersionKey> keys) throws WatchException {
    return with("read verdicts", c -> WatchRows.badVerdicts(c, D, keys));
  }

  @Override
  public List<PackageVerdict> latestVerdicts(int limit, boolean badOnly) throws WatchException {
    return with("read verdicts",
        c -> WatchRows.verdicts(c, D, badOnly ? WatchRows.BAD : "", List.of(), limit));
  }

  @Override
  public void addToken(Token t, String secretHash) throws WatchException {
    with("store a token", c -> WatchRows.addToken(c, D, t, secretHash));
  }

  @Override
  public Optional<Token> tokenByHash(String secretHash) throws WatchException {
    return with("read tokens", c -> WatchRows.tokens(c, D, Optional.of(secretHash))).stream()
        .findFirst();
  }

  @Override
  public boolean revoke(String id) throws WatchException {
    return with("revoke a token", c -> WatchRows.revoke(c, D, id));
  }

  @Override
  public List<Token> tokens() throws WatchException {
    return with("read tokens", c -> WatchRows.tokens(c, D, Optional.empty()));
  }

  @Override
  public void close() {
    synchronized (lock) {
      try {
        conn.close();
      } catch (SQLException e) {
        // Best effort: every write was committed.
      }
    }
  }
}
