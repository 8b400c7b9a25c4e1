package dev.bulwark.monitor.watch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.monitor.VersionKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private static final WatchRows.Dialect D = WatchRows.Dialect.POSTGRES;

  /** Runs {@code work} on a pooled connection, naming {@code what} when it fails. */
  private <T> T with(String what, WatchRows.Work<T> work) throws WatchException {
    try (Connection c = ds.getConnection()) {
      return work.run(c);
    } catch (SQLException | java.io.IOException e) {
      throw new WatchException("watch state (postgres): " + what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Replaced replace(String project, String file, Collection<PinnedPackage> packages,
      Instant now) throws WatchException {
    return with("replace the inventory of a project", c -> {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtext('bulwark-watch:' || ?))")) {
          p.setString(1, project);
          p.execute();
        }
        WatchRows.deleteDeps(c, D, project);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO watch_deps VALUES(?, ?, ?, ?,"
            + " ?, ?, ?) ON CONFLICT DO NOTHING")) {
          int n = 0;
          for (PinnedPackage d : packages) {
            WatchRows.bindDep(p, project, d);
            p.addBatch();
            if (++n % 1000 == 0) {
              p.executeBatch();
            }
          }
          p.executeBatch();
        }
        WatchRows.upsertProject(c, D, project, file, now, packages.size());
        List<Alert> resolved;
        try (PreparedStatement p = c.prepareStatement("UPDATE watch_alerts a SET state ="
            + " 'resolved', changed = ? WHERE project = ?" + WatchRows.goneFromDeps(D)
            + " RETURNING *")) {
          p.setLong(1, now.toEpochMilli());
          p.setString(2, project);
          resolved = new ArrayList<>(WatchRows.alerts(p));
        }
        c.commit();
        resolved.sort(Comparator.comparingLong(Alert::id));
        return new Replaced(resolved);
      } catch (SQLException e) {
        c.rollback();
        throw e;
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
      try (PreparedStatement p = c.prepareStatement(WatchRows.raiseSql(D) + " RETURNING *")) {
        WatchRows.bindRaise(p, project, key, cause, verdict, summary, now);
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
          "INSERT INTO watch_verdicts VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(ecosystem,"
          + " name, version) DO UPDATE SET verdict = excluded.verdict, score = excluded.score,"
          + " reason = excluded.reason, evidence = excluded.evidence, published ="
          + " excluded.published, judged = excluded.judged")) {
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
    ds.close();
  }
}
