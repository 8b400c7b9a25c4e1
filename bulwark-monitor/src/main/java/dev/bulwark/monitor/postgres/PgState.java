package dev.bulwark.monitor.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.Attempts;
import dev.bulwark.monitor.Cursor;
import dev.bulwark.monitor.CursorStore;
import dev.bulwark.monitor.MonitorJson;
import dev.bulwark.monitor.StoreException;
import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VerdictRecord;
import dev.bulwark.monitor.VerdictRows;
import dev.bulwark.monitor.VerdictStore;
import dev.bulwark.monitor.VersionKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The distributed mode's results in PostgreSQL: cursors, queued versions, verdicts and their
 * findings (schema: the Flyway migrations next to this class). Every write is one transaction on
 * a pooled connection; a dropped connection (a database restart) fails the call with a
 * {@link StoreException} and the pool reconnects on the next one. Thread-safe.
 */
public final class PgState implements AutoCloseable {
  static final String MIGRATIONS = "classpath:dev/bulwark/monitor/postgres/migration";
  static final String HISTORY_TABLE = "bulwark_monitor_schema_history";

  private final HikariDataSource ds;
  private final String jdbcUrl;
  private final Cursors cursors = new Cursors();
  private final Verdicts verdicts = new Verdicts();
  private final Counts attempts = new Counts();

  private PgState(HikariDataSource ds, String jdbcUrl) {
    this.ds = ds;
    this.jdbcUrl = jdbcUrl;
  }

  /**
   * Connects and migrates the schema to the newest version (Flyway serialises concurrent
   * migrations from several processes with its own lock).
   *
   * @param jdbcUrl {@code jdbc:postgresql://HOST:PORT/DB?user=…}
   * @param poolSize connections (one per worker thread is enough)
   */
  public static PgState open(String jdbcUrl, int poolSize) throws StoreException {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new StoreException("--postgres must be a jdbc:postgresql: URL, not '" + jdbcUrl + "'");
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(jdbcUrl);
    // Flyway holds one connection for its lock while it migrates on another.
    hc.setMaximumPoolSize(Math.max(2, poolSize));
    hc.setMinimumIdle(0);
    hc.setPoolName("bulwark-monitor-pg");
    hc.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    hc.setValidationTimeout(Duration.ofSeconds(3).toMillis());
    // Start even when the database is briefly down; the first call reports it.
    hc.setInitializationFailTimeout(-1);
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      Flyway.configure().dataSource(ds).locations(MIGRATIONS).table(HISTORY_TABLE)
          .loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException("cannot migrate the monitor schema in " + redact(jdbcUrl) + ": "
          + e.getMessage(), e);
    }
    return new PgState(ds, jdbcUrl);
  }

  /** The URL without its query (which may hold a password), for messages. */
  static String redact(String jdbcUrl) {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  public CursorStore cursors() {
    return cursors;
  }

  public VerdictStore verdicts() {
    return verdicts;
  }

  /** Delivery counts of the versions topic's messages (table {@code attempts}). */
  public Attempts attempts() {
    return attempts;
  }

  /** A session-held advisory lock that makes one follower per feed; see {@link FollowerLock}. */
  public FollowerLock followerLock(String feed) {
    return new FollowerLock(jdbcUrl, feed);
  }

  /** How many times each stored row was written: the replays the upsert absorbed. */
  public long rewrites() throws StoreException {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement(
            "SELECT coalesce(sum(writes - 1), 0) FROM verdicts");
        ResultSet rs = p.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw fail("counting rewrites", e);
    }
  }

  @Override
  public void close() {
    ds.close();
  }

  private static StoreException fail(String what, SQLException e) {
    return new StoreException("postgres: " + what + ": " + e.getMessage(), e);
  }

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private final class Cursors implements CursorStore {
    @Override
    public Optional<Cursor> load(String feed) throws StoreException {
      try (Connection c = ds.getConnection();
          PreparedStatement p = c.prepareStatement(
              "SELECT position, origin FROM cursors WHERE feed = ?")) {
        p.setString(1, feed);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next()
              ? Optional.of(new Cursor(rs.getString(1),
                  rs.getObject(2, OffsetDateTime.class).toInstant()))
              : Optional.empty();
        }
      } catch (SQLException e) {
        throw fail("reading the cursor of " + feed, e);
      }
    }

    @Override
    public boolean seen(VersionKey k) throws StoreException {
      try (Connection c = ds.getConnection();
          PreparedStatement p = c.prepareStatement(
              "SELECT 1 FROM versions WHERE ecosystem = ? AND name = ? AND version = ?")) {
        p.setString(1, k.ecosystem().osvName());
        p.setString(2, k.name());
        p.setString(3, k.version());
        try (ResultSet rs = p.executeQuery()) {
          return rs.next();
        }
      } catch (SQLException e) {
        throw fail("reading queued versions", e);
      }
    }

    @Override
    public void commit(String feed, Cursor cursor, Collection<VersionKey> queued)
        throws StoreException {
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement cu = c.prepareStatement(
                "INSERT INTO cursors(feed, position, origin, updated) VALUES (?, ?, ?, now())"
                    + " ON CONFLICT (feed) DO UPDATE SET position = excluded.position,"
                    + " origin = excluded.origin, updated = now()");
            PreparedStatement v = c.prepareStatement(
                "INSERT INTO versions(ecosystem, name, version, feed) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
          cu.setString(1, feed);
          cu.setString(2, cursor.position());
          cu.setObject(3, ts(cursor.origin()));
          cu.executeUpdate();
          for (VersionKey k : queued) {
            v.setString(1, k.ecosystem().osvName());
            v.setString(2, k.name());
            v.setString(3, k.version());
            v.setString(4, feed);
            v.addBatch();
          }
          v.executeBatch();
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw fail("saving the cursor of " + feed, e);
      }
    }
  }

  private final class Counts implements Attempts {
    @Override
    public int begin(String message) throws StoreException {
      try (Connection c = ds.getConnection();
          PreparedStatement p = c.prepareStatement(
              "INSERT INTO attempts(message, attempts) VALUES (?, 1) ON CONFLICT (message)"
                  + " DO UPDATE SET attempts = attempts.attempts + 1, updated = now()"
                  + " RETURNING attempts")) {
        p.setString(1, message);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      } catch (SQLException e) {
        throw fail("counting an attempt of " + message, e);
      }
    }

    @Override
    public void clear(String message) throws StoreException {
      try (Connection c = ds.getConnection();
          PreparedStatement p = c.prepareStatement("DELETE FROM attempts WHERE message = ?")) {
        p.setString(1, message);
        p.executeUpdate();
      } catch (SQLException e) {
        throw fail("clearing the attempts of " + message, e);
      }
    }
  }

  private final class Verdicts implements VerdictStore {
    @Override
    public boolean upsert(VerdictRecord r) throws StoreException {
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO verdicts(ecosystem, name, version, artifact_hash, verdict, score,"
                    + " reason, published, judged, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (ecosystem, name, version, artifact_hash) DO UPDATE SET"
                    + " verdict = excluded.verdict, score = excluded.score,"
                    + " reason = excluded.reason, published = excluded.published,"
                    + " judged = excluded.judged, record = excluded.record,"
                    + " writes = verdicts.writes + 1"
                    + " RETURNING writes");
            PreparedStatement del = c.prepareStatement(
                "DELETE FROM findings WHERE ecosystem = ? AND name = ? AND version = ?"
                    + " AND artifact_hash = ?");
            PreparedStatement f = c.prepareStatement(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          VerdictRows.bindKey(p, r);
          p.setString(5, r.verdict().jsonName());
          p.setInt(6, r.score());
          p.setString(7, r.reason());
          p.setObject(8, ts(r.event().published()));
          p.setObject(9, ts(r.judged()));
          p.setString(10, MonitorJson.verdict(r));
          boolean inserted;
          try (ResultSet rs = p.executeQuery()) {
            inserted = rs.next() && rs.getInt(1) == 1;
          }
          VerdictRows.bindKey(del, r);
          del.executeUpdate();
          int i = 0;
          for (VerdictFinding x : r.findings()) {
            VerdictRows.bindKey(f, r);
            f.setInt(5, i++);
            f.setString(6, x.ruleId());
            f.setString(7, x.severity());
            f.setString(8, x.file());
            f.setInt(9, x.line());
            f.setString(10, x.message());
            f.addBatch();
          }
          f.executeBatch();
          c.commit();
          return inserted;
        } catch (SQLException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw fail("storing the verdict of " + r.key(), e);
      }
    }

    @Override
    public List<VerdictRecord> query(Query q) throws StoreException {
      try (Connection c = ds.getConnection()) {
        return VerdictRows.query(c, VerdictRows.Dialect.POSTGRES, q);
      } catch (SQLException e) {
        throw fail("listing verdicts", e);
      }
    }

    @Override
    public Optional<VerdictRecord> previous(Ecosystem ecosystem, String name, String version,
        Instant before) throws StoreException {
      try (Connection c = ds.getConnection()) {
        return VerdictRows.previous(c, VerdictRows.Dialect.POSTGRES, ecosystem, name, version,
            before);
      } catch (SQLException e) {
        throw fail("looking up the previous version of " + name, e);
      }
    }
  }
}
