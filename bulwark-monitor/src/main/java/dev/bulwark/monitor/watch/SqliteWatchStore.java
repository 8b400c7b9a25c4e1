package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VersionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
  private static final ObjectMapper M = new ObjectMapper();
  private static final TypeReference<List<VerdictFinding>> FINDINGS = new TypeReference<>() {};

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

  private WatchException fail(String what, Exception e) {
    return new WatchException("watch state: " + what + ": " + e.getMessage(), e);
  }

  @Override
  public Replaced replace(String project, String file, Collection<PinnedPackage> packages,
      Instant now) throws WatchException {
    synchronized (lock) {
      try {
        conn.setAutoCommit(false);
        try {
          try (PreparedStatement p = conn.prepareStatement("DELETE FROM deps WHERE project = ?")) {
            p.setString(1, project);
            p.executeUpdate();
          }
          try (PreparedStatement p = conn.prepareStatement(
              "INSERT OR IGNORE INTO deps VALUES(?, ?, ?, ?, ?, ?, ?)")) {
            for (PinnedPackage d : packages) {
              p.setString(1, project);
              p.setString(2, d.key().ecosystem().osvName());
              p.setString(3, d.key().name());
              p.setString(4, d.key().version());
              p.setInt(5, d.unpinned() ? 1 : 0);
              p.setInt(6, d.direct() ? 1 : 0);
              p.setInt(7, d.dev() ? 1 : 0);
              p.addBatch();
            }
            p.executeBatch();
          }
          try (PreparedStatement p = conn.prepareStatement(
              "INSERT INTO projects VALUES(?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                  + " file = excluded.file, uploaded = excluded.uploaded, deps = excluded.deps")) {
            p.setString(1, project);
            p.setString(2, file);
            p.setLong(3, now.toEpochMilli());
            p.setInt(4, packages.size());
            p.executeUpdate();
          }
          List<Alert> gone = new ArrayList<>();
          try (PreparedStatement p = conn.prepareStatement(
              "SELECT * FROM alerts a WHERE project = ? AND state != 'resolved' AND NOT EXISTS"
                  + " (SELECT 1 FROM deps d WHERE d.project = a.project AND d.ecosystem ="
                  + " a.ecosystem AND d.name = a.name AND d.version = a.version)")) {
            p.setString(1, project);
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                gone.add(alert(r));
              }
            }
          }
          try (PreparedStatement p = conn.prepareStatement(
              "UPDATE alerts SET state = 'resolved', changed = ? WHERE id = ?")) {
            for (Alert a : gone) {
              p.setLong(1, now.toEpochMilli());
              p.setLong(2, a.id());
              p.addBatch();
            }
            p.executeBatch();
          }
          conn.commit();
          List<Alert> resolved = new ArrayList<>();
          for (Alert a : gone) {
            resolved.add(new Alert(a.id(), a.project(), a.key(), a.cause(), a.verdict(),
                a.summary(), AlertState.RESOLVED, a.raised()));
          }
          return new Replaced(resolved);
        } catch (SQLException e) {
          conn.rollback();
          throw e;
        } finally {
          conn.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw fail("replace the inventory of a project", e);
      }
    }
  }

  @Override
  public List<String> projectsPinning(VersionKey key) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement("SELECT project FROM deps WHERE"
          + " ecosystem = ? AND name = ? AND version = ? AND unpinned = 0 ORDER BY project")) {
        p.setString(1, key.ecosystem().osvName());
        p.setString(2, key.name());
        p.setString(3, key.version());
        List<String> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(r.getString(1));
          }
        }
        return out;
      } catch (SQLException e) {
        throw fail("look up the projects of a version", e);
      }
    }
  }

  @Override
  public Set<VersionKey> pinnedVersions() throws WatchException {
    synchronized (lock) {
      try (Statement s = conn.createStatement();
           ResultSet r = s.executeQuery("SELECT DISTINCT ecosystem, name, version FROM deps"
               + " WHERE unpinned = 0")) {
        Set<VersionKey> out = new TreeSet<>();
        while (r.next()) {
          out.add(key(r.getString(1), r.getString(2), r.getString(3)));
        }
        return out;
      } catch (SQLException e) {
        throw fail("list pinned versions", e);
      }
    }
  }

  @Override
  public List<Project> projects() throws WatchException {
    return projectsWhere("", Optional.empty());
  }

  @Override
  public Optional<Project> project(String name) throws WatchException {
    return projectsWhere(" WHERE p.name = ?", Optional.of(name)).stream().findFirst();
  }

  private List<Project> projectsWhere(String where, Optional<String> arg) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement("SELECT p.name, p.file, p.uploaded,"
          + " p.deps, (SELECT COUNT(*) FROM alerts a WHERE a.project = p.name AND a.state !="
          + " 'resolved') FROM projects p" + where + " ORDER BY p.name")) {
        if (arg.isPresent()) {
          p.setString(1, arg.get());
        }
        List<Project> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new Project(r.getString(1), r.getString(2),
                Instant.ofEpochMilli(r.getLong(3)), r.getInt(4), r.getInt(5)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw fail("list projects", e);
      }
    }
  }

  @Override
  public List<PinnedPackage> packages(String project) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement("SELECT ecosystem, name, version, unpinned,"
          + " direct, dev FROM deps WHERE project = ? ORDER BY ecosystem, name, version")) {
        p.setString(1, project);
        List<PinnedPackage> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new PinnedPackage(key(r.getString(1), r.getString(2), r.getString(3)),
                r.getInt(4) == 1, r.getInt(5) == 1, r.getInt(6) == 1));
          }
        }
        out.sort(null);
        return out;
      } catch (SQLException e) {
        throw fail("list a project's packages", e);
      }
    }
  }

  @Override
  public Optional<Alert> raise(String project, VersionKey key, String cause, String verdict,
      String summary, Instant now) throws WatchException {
    synchronized (lock) {
      try {
        long ms = now.toEpochMilli();
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO alerts(project, ecosystem,"
            + " name, version, cause, verdict, summary, state, raised, changed)"
            + " VALUES(?, ?, ?, ?, ?, ?, ?, 'new', ?, ?) ON CONFLICT(project, ecosystem, name,"
            + " version, cause) DO UPDATE SET state = 'new', raised = excluded.raised,"
            + " changed = excluded.changed, verdict = excluded.verdict,"
            + " summary = excluded.summary WHERE alerts.state = 'resolved'")) {
          p.setString(1, project);
          p.setString(2, key.ecosystem().osvName());
          p.setString(3, key.name());
          p.setString(4, key.version());
          p.setString(5, cause);
          p.setString(6, verdict);
          p.setString(7, summary);
          p.setLong(8, ms);
          p.setLong(9, ms);
          if (p.executeUpdate() == 0) {
            return Optional.empty();
          }
        }
        try (PreparedStatement p = conn.prepareStatement("SELECT * FROM alerts WHERE project = ?"
            + " AND ecosystem = ? AND name = ? AND version = ? AND cause = ?")) {
          p.setString(1, project);
          p.setString(2, key.ecosystem().osvName());
          p.setString(3, key.name());
          p.setString(4, key.version());
          p.setString(5, cause);
          try (ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(alert(r)) : Optional.empty();
          }
        }
      } catch (SQLException e) {
        throw fail("raise an alert", e);
      }
    }
  }

  @Override
  public List<Alert> alerts(Optional<Instant> since, Optional<AlertState> state,
      Optional<String> project, int limit) throws WatchException {
    StringBuilder sql = new StringBuilder("SELECT * FROM alerts WHERE raised >= ?");
    state.ifPresent(s -> sql.append(" AND state = ?"));
    project.ifPresent(s -> sql.append(" AND project = ?"));
    sql.append(" ORDER BY id LIMIT ?");
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement(sql.toString())) {
        int i = 1;
        p.setLong(i++, since.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
        if (state.isPresent()) {
          p.setString(i++, state.get().jsonName());
        }
        if (project.isPresent()) {
          p.setString(i++, project.get());
        }
        p.setInt(i, limit);
        List<Alert> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(alert(r));
          }
        }
        return out;
      } catch (SQLException e) {
        throw fail("list alerts", e);
      }
    }
  }

  @Override
  public boolean acknowledge(long id, Instant now) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement("UPDATE alerts SET state = 'acknowledged',"
          + " changed = ? WHERE id = ? AND state = 'new'")) {
        p.setLong(1, now.toEpochMilli());
        p.setLong(2, id);
        return p.executeUpdate() == 1;
      } catch (SQLException e) {
        throw fail("acknowledge an alert", e);
      }
    }
  }

  @Override
  public Map<AlertState, Long> alertCounts() throws WatchException {
    synchronized (lock) {
      try (Statement s = conn.createStatement();
           ResultSet r = s.executeQuery("SELECT state, COUNT(*) FROM alerts GROUP BY state")) {
        Map<AlertState, Long> out = new EnumMap<>(AlertState.class);
        for (AlertState a : AlertState.values()) {
          out.put(a, 0L);
        }
        while (r.next()) {
          AlertState.parse(r.getString(1)).ifPresent(a -> {
            try {
              out.put(a, r.getLong(2));
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
        }
        return out;
      } catch (SQLException e) {
        throw fail("count alerts", e);
      }
    }
  }

  @Override
  public void verdict(PackageVerdict v) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement(
          "INSERT OR REPLACE INTO verdicts VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setString(1, v.key().ecosystem().osvName());
        p.setString(2, v.key().name());
        p.setString(3, v.key().version());
        p.setString(4, v.verdict());
        p.setInt(5, v.score());
        p.setString(6, v.reason());
        p.setString(7, M.writeValueAsString(v.evidence()));
        p.setLong(8, v.published().toEpochMilli());
        p.setLong(9, v.judged().toEpochMilli());
        p.executeUpdate();
      } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
        throw fail("store a verdict", e);
      }
    }
  }

  @Override
  public Optional<PackageVerdict> verdict(VersionKey key) throws WatchException {
    List<PackageVerdict> l = verdictsWhere(" WHERE ecosystem = ? AND name = ? AND version = ?",
        List.of(key.ecosystem().osvName(), key.name(), key.version()), 1);
    return l.stream().findFirst();
  }

  @Override
  public List<PackageVerdict> badVerdicts(Collection<VersionKey> keys) throws WatchException {
    // The bad verdicts are few next to an inventory: read them all, keep those pinned.
    Set<VersionKey> wanted = new HashSet<>(keys);
    List<PackageVerdict> out = new ArrayList<>();
    for (PackageVerdict v : verdictsWhere(" WHERE verdict IN ('malicious', 'suspicious')",
        List.of(), Integer.MAX_VALUE)) {
      if (wanted.contains(v.key())) {
        out.add(v);
      }
    }
    out.sort(java.util.Comparator.comparing(PackageVerdict::key));
    return out;
  }

  @Override
  public List<PackageVerdict> latestVerdicts(int limit, boolean badOnly) throws WatchException {
    return verdictsWhere(badOnly ? " WHERE verdict IN ('malicious', 'suspicious')" : "",
        List.of(), limit);
  }

  private List<PackageVerdict> verdictsWhere(String where, List<String> args, int limit)
      throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement("SELECT * FROM verdicts" + where
          + " ORDER BY judged DESC, ecosystem, name, version LIMIT ?")) {
        int i = 1;
        for (String a : args) {
          p.setString(i++, a);
        }
        p.setInt(i, limit);
        List<PackageVerdict> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new PackageVerdict(key(r.getString("ecosystem"), r.getString("name"),
                r.getString("version")), r.getString("verdict"), r.getInt("score"),
                r.getString("reason"), M.readValue(r.getString("evidence"), FINDINGS),
                Instant.ofEpochMilli(r.getLong("published")),
                Instant.ofEpochMilli(r.getLong("judged"))));
          }
        }
        return out;
      } catch (SQLException | java.io.IOException e) {
        throw fail("read verdicts", e);
      }
    }
  }

  @Override
  public void addToken(Token t, String secretHash) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement(
          "INSERT INTO tokens VALUES(?, ?, ?, ?, ?, ?)")) {
        p.setString(1, t.id());
        p.setString(2, t.name());
        p.setString(3, t.scope().jsonName());
        p.setString(4, secretHash);
        p.setLong(5, t.created().toEpochMilli());
        p.setInt(6, t.revoked() ? 1 : 0);
        p.executeUpdate();
      } catch (SQLException e) {
        throw fail("store a token", e);
      }
    }
  }

  @Override
  public Optional<Token> tokenByHash(String secretHash) throws WatchException {
    return tokensWhere(" WHERE hash = ?", secretHash).stream().findFirst();
  }

  @Override
  public boolean revoke(String id) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement(
          "UPDATE tokens SET revoked = 1 WHERE id = ?")) {
        p.setString(1, id);
        return p.executeUpdate() == 1;
      } catch (SQLException e) {
        throw fail("revoke a token", e);
      }
    }
  }

  @Override
  public List<Token> tokens() throws WatchException {
    return tokensWhere("", null);
  }

  private List<Token> tokensWhere(String where, String arg) throws WatchException {
    synchronized (lock) {
      try (PreparedStatement p = conn.prepareStatement("SELECT id, name, scope, created, revoked"
          + " FROM tokens" + where + " ORDER BY id")) {
        if (arg != null) {
          p.setString(1, arg);
        }
        List<Token> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Optional<Scope> s = Scope.parse(r.getString(3));
            if (s.isPresent()) {
              out.add(new Token(r.getString(1), r.getString(2), s.get(),
                  Instant.ofEpochMilli(r.getLong(4)), r.getInt(5) == 1));
            }
          }
        }
        return out;
      } catch (SQLException e) {
        throw fail("read tokens", e);
      }
    }
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

  private static Alert alert(ResultSet r) throws SQLException {
    return new Alert(r.getLong("id"), r.getString("project"), key(r.getString("ecosystem"),
        r.getString("name"), r.getString("version")), r.getString("cause"),
        r.getString("verdict"), r.getString("summary"),
        AlertState.parse(r.getString("state")).orElse(AlertState.NEW),
        Instant.ofEpochMilli(r.getLong("raised")));
  }

  private static VersionKey key(String eco, String name, String version) {
    return new VersionKey(Ecosystem.parse(eco).orElse(Ecosystem.NPM), name, version);
  }
}
