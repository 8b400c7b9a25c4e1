package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VersionKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The watch's state in PostgreSQL (the distributed mode), in a schema of its own
 * ({@code bulwark_watch}, Flyway migrations next to this class), so it never meets the
 * monitor's own migrations. Several servers may share it: an upload takes a transaction-scoped
 * advisory lock on its project, and raising an alert is one upsert.
 */
public final class PgWatchStore implements WatchStore {
  static final String SCHEMA = "bulwark_watch";
  static final String MIGRATIONS = "classpath:dev/bulwark/monitor/watch/postgres/migration";
  private static final ObjectMapper M = new ObjectMapper();
  private static final TypeReference<List<VerdictFinding>> FINDINGS = new TypeReference<>() {};
  private final HikariDataSource ds;

  private PgWatchStore(HikariDataSource ds) {
    this.ds = ds;
  }

  /** Connects and migrates {@code bulwark_watch} to the newest version. */
  public static PgWatchStore open(String jdbcUrl, int poolSize) throws WatchException {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new WatchException("--postgres must be a jdbc:postgresql: URL");
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(jdbcUrl);
    hc.setSchema(SCHEMA);
    hc.setMaximumPoolSize(Math.max(2, poolSize));
    hc.setMinimumIdle(0);
    hc.setPoolName("bulwark-watch-pg");
    hc.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    hc.setInitializationFailTimeout(-1);
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      Flyway.configure().dataSource(ds).schemas(SCHEMA).locations(MIGRATIONS)
          .table("bulwark_watch_schema_history").loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      ds.close();
      int q = jdbcUrl.indexOf('?');
      throw new WatchException("cannot migrate the watch schema in "
          + (q < 0 ? jdbcUrl : jdbcUrl.substring(0, q)) + ": " + e.getMessage(), e);
    }
    return new PgWatchStore(ds);
  }

  private static WatchException fail(String what, Exception e) {
    return new WatchException("watch state (postgres): " + what + ": " + e.getMessage(), e);
  }

  @Override
  public Replaced replace(String project, String file, Collection<PinnedPackage> packages,
      Instant now) throws WatchException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtext('bulwark-watch:' || ?))")) {
          p.setString(1, project);
          p.execute();
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM watch_deps WHERE project = ?")) {
          p.setString(1, project);
          p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO watch_deps VALUES(?, ?, ?, ?,"
            + " ?, ?, ?) ON CONFLICT DO NOTHING")) {
          int n = 0;
          for (PinnedPackage d : packages) {
            p.setString(1, project);
            p.setString(2, d.key().ecosystem().osvName());
            p.setString(3, d.key().name());
            p.setString(4, d.key().version());
            p.setBoolean(5, d.unpinned());
            p.setBoolean(6, d.direct());
            p.setBoolean(7, d.dev());
            p.addBatch();
            if (++n % 1000 == 0) {
              p.executeBatch();
            }
          }
          p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO watch_projects VALUES(?, ?,"
            + " ?, ?) ON CONFLICT(name) DO UPDATE SET file = excluded.file, uploaded ="
            + " excluded.uploaded, deps = excluded.deps")) {
          p.setString(1, project);
          p.setString(2, file);
          p.setLong(3, now.toEpochMilli());
          p.setInt(4, packages.size());
          p.executeUpdate();
        }
        List<Alert> resolved = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("UPDATE watch_alerts a SET state ="
            + " 'resolved', changed = ? WHERE project = ? AND state != 'resolved' AND NOT EXISTS"
            + " (SELECT 1 FROM watch_deps d WHERE d.project = a.project AND d.ecosystem ="
            + " a.ecosystem AND d.name = a.name AND d.version = a.version) RETURNING *")) {
          p.setLong(1, now.toEpochMilli());
          p.setString(2, project);
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              resolved.add(alert(r));
            }
          }
        }
        c.commit();
        resolved.sort(Comparator.comparingLong(Alert::id));
        return new Replaced(resolved);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw fail("replace the inventory of a project", e);
    }
  }

  @Override
  public List<String> projectsPinning(VersionKey key) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT project FROM watch_deps WHERE"
            + " ecosystem = ? AND name = ? AND version = ? AND NOT unpinned ORDER BY project")) {
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

  @Override
  public Set<VersionKey> pinnedVersions() throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT DISTINCT ecosystem, name, version FROM"
            + " watch_deps WHERE NOT unpinned");
        ResultSet r = p.executeQuery()) {
      Set<VersionKey> out = new TreeSet<>();
      while (r.next()) {
        out.add(key(r.getString(1), r.getString(2), r.getString(3)));
      }
      return out;
    } catch (SQLException e) {
      throw fail("list pinned versions", e);
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
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT p.name, p.file, p.uploaded, p.deps,"
            + " (SELECT COUNT(*) FROM watch_alerts a WHERE a.project = p.name AND a.state !="
            + " 'resolved') FROM watch_projects p" + where + " ORDER BY p.name")) {
      if (arg.isPresent()) {
        p.setString(1, arg.get());
      }
      List<Project> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Project(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
              r.getInt(4), r.getInt(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("list projects", e);
    }
  }

  @Override
  public List<PinnedPackage> packages(String project) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT ecosystem, name, version, unpinned,"
            + " direct, dev FROM watch_deps WHERE project = ?")) {
      p.setString(1, project);
      List<PinnedPackage> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new PinnedPackage(key(r.getString(1), r.getString(2), r.getString(3)),
              r.getBoolean(4), r.getBoolean(5), r.getBoolean(6)));
        }
      }
      out.sort(null);
      return out;
    } catch (SQLException e) {
      throw fail("list a project's packages", e);
    }
  }

  @Override
  public Optional<Alert> raise(String project, VersionKey key, String cause, String verdict,
      String summary, Instant now) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("INSERT INTO watch_alerts(project, ecosystem,"
            + " name, version, cause, verdict, summary, state, raised, changed)"
            + " VALUES(?, ?, ?, ?, ?, ?, ?, 'new', ?, ?) ON CONFLICT(project, ecosystem, name,"
            + " version, cause) DO UPDATE SET state = 'new', raised = excluded.raised,"
            + " changed = excluded.changed, verdict = excluded.verdict,"
            + " summary = excluded.summary WHERE watch_alerts.state = 'resolved' RETURNING *")) {
      long ms = now.toEpochMilli();
      p.setString(1, project);
      p.setString(2, key.ecosystem().osvName());
      p.setString(3, key.name());
      p.setString(4, key.version());
      p.setString(5, cause);
      p.setString(6, verdict);
      p.setString(7, summary);
      p.setLong(8, ms);
      p.setLong(9, ms);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(alert(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("raise an alert", e);
    }
  }

  @Override
  public List<Alert> alerts(Optional<Instant> since, Optional<AlertState> state,
      Optional<String> project, int limit) throws WatchException {
    StringBuilder sql = new StringBuilder("SELECT * FROM watch_alerts WHERE raised >= ?");
    state.ifPresent(s -> sql.append(" AND state = ?"));
    project.ifPresent(s -> sql.append(" AND project = ?"));
    sql.append(" ORDER BY id LIMIT ?");
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement(sql.toString())) {
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

  @Override
  public boolean acknowledge(long id, Instant now) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("UPDATE watch_alerts SET state ="
            + " 'acknowledged', changed = ? WHERE id = ? AND state = 'new'")) {
      p.setLong(1, now.toEpochMilli());
      p.setLong(2, id);
      return p.executeUpdate() == 1;
    } catch (SQLException e) {
      throw fail("acknowledge an alert", e);
    }
  }

  @Override
  public Map<AlertState, Long> alertCounts() throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement(
            "SELECT state, COUNT(*) FROM watch_alerts GROUP BY state");
        ResultSet r = p.executeQuery()) {
      Map<AlertState, Long> out = new EnumMap<>(AlertState.class);
      for (AlertState a : AlertState.values()) {
        out.put(a, 0L);
      }
      while (r.next()) {
        Optional<AlertState> a = AlertState.parse(r.getString(1));
        if (a.isPresent()) {
          out.put(a.get(), r.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("count alerts", e);
    }
  }

  @Override
  public void verdict(PackageVerdict v) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("INSERT INTO watch_verdicts VALUES(?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?) ON CONFLICT(ecosystem, name, version) DO UPDATE SET verdict ="
            + " excluded.verdict, score = excluded.score, reason = excluded.reason, evidence ="
            + " excluded.evidence, published = excluded.published, judged = excluded.judged")) {
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

  @Override
  public Optional<PackageVerdict> verdict(VersionKey key) throws WatchException {
    return verdictsWhere(" WHERE ecosystem = ? AND name = ? AND version = ?",
        List.of(key.ecosystem().osvName(), key.name(), key.version()), 1).stream().findFirst();
  }

  @Override
  public List<PackageVerdict> badVerdicts(Collection<VersionKey> keys) throws WatchException {
    Set<VersionKey> wanted = new HashSet<>(keys);
    List<PackageVerdict> out = new ArrayList<>();
    for (PackageVerdict v : verdictsWhere(" WHERE verdict IN ('malicious', 'suspicious')",
        List.of(), Integer.MAX_VALUE)) {
      if (wanted.contains(v.key())) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparing(PackageVerdict::key));
    return out;
  }

  @Override
  public List<PackageVerdict> latestVerdicts(int limit, boolean badOnly) throws WatchException {
    return verdictsWhere(badOnly ? " WHERE verdict IN ('malicious', 'suspicious')" : "",
        List.of(), limit);
  }

  private List<PackageVerdict> verdictsWhere(String where, List<String> args, int limit)
      throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT * FROM watch_verdicts" + where
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

  @Override
  public void addToken(Token t, String secretHash) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement(
            "INSERT INTO watch_tokens VALUES(?, ?, ?, ?, ?, ?)")) {
      p.setString(1, t.id());
      p.setString(2, t.name());
      p.setString(3, t.scope().jsonName());
      p.setString(4, secretHash);
      p.setLong(5, t.created().toEpochMilli());
      p.setBoolean(6, t.revoked());
      p.executeUpdate();
    } catch (SQLException e) {
      throw fail("store a token", e);
    }
  }

  @Override
  public Optional<Token> tokenByHash(String secretHash) throws WatchException {
    return tokensWhere(" WHERE hash = ?", secretHash).stream().findFirst();
  }

  @Override
  public boolean revoke(String id) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement(
            "UPDATE watch_tokens SET revoked = TRUE WHERE id = ?")) {
      p.setString(1, id);
      return p.executeUpdate() == 1;
    } catch (SQLException e) {
      throw fail("revoke a token", e);
    }
  }

  @Override
  public List<Token> tokens() throws WatchException {
    return tokensWhere("", null);
  }

  private List<Token> tokensWhere(String where, String arg) throws WatchException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT id, name, scope, created, revoked FROM"
            + " watch_tokens" + where + " ORDER BY id")) {
      if (arg != null) {
        p.setString(1, arg);
      }
      List<Token> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          Optional<Scope> s = Scope.parse(r.getString(3));
          if (s.isPresent()) {
            out.add(new Token(r.getString(1), r.getString(2), s.get(),
                Instant.ofEpochMilli(r.getLong(4)), r.getBoolean(5)));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("read tokens", e);
    }
  }

  @Override
  public void close() {
    ds.close();
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
