package dev.bulwark.monitor;

import dev.bulwark.model.Ecosystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded mode's state: one SQLite file ({@code DIR/monitor.db}, WAL) holding the cursors,
 * the versions already queued, the queue and the verdicts. One connection, used under one lock:
 * every statement is short next to a scan. A write is durable when its statement returns (WAL
 * survives kill -9 of the process).
 */
public final class SqliteState implements AutoCloseable {
  static final int SCHEMA_VERSION = 1;
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cursors(feed TEXT PRIMARY KEY, position TEXT NOT NULL,"
        + " origin TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS seen(ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
        + " version TEXT NOT NULL, PRIMARY KEY(ecosystem, name, version)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS queue(id INTEGER PRIMARY KEY AUTOINCREMENT, qkey TEXT NOT NULL,"
        + " event TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
        + " state TEXT NOT NULL DEFAULT 'ready', not_before INTEGER NOT NULL DEFAULT 0,"
        + " reason TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS queue_ready ON queue(state, qkey, id)",
    "CREATE TABLE IF NOT EXISTS verdicts(ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
        + " version TEXT NOT NULL, artifact_hash TEXT NOT NULL, verdict TEXT NOT NULL,"
        + " score INTEGER NOT NULL, published INTEGER NOT NULL, judged INTEGER NOT NULL,"
        + " record TEXT NOT NULL, PRIMARY KEY(ecosystem, name, version, artifact_hash))",
    "CREATE INDEX IF NOT EXISTS verdicts_judged ON verdicts(judged)",
    "CREATE INDEX IF NOT EXISTS verdicts_package ON verdicts(ecosystem, name, published)",
  };

  private final Connection conn;
  private final Object lock = new Object();
  private final Clock clock;
  private final Set<String> inFlight = new HashSet<>();
  private final Cursors cursors = new Cursors();
  private final Queue queue = new Queue();
  private final Verdicts verdicts = new Verdicts();

  private SqliteState(Connection conn, Clock clock) {
    this.conn = conn;
    this.clock = clock;
  }

  /** Opens (creating when needed) {@code dir/monitor.db}. */
  public static SqliteState open(Path dir, Clock clock) throws StoreException {
    try {
      Files.createDirectories(dir);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("monitor.db"));
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
        for (String sql : SCHEMA) {
          s.execute(sql);
        }
        s.execute("INSERT OR IGNORE INTO meta VALUES('schema', '" + SCHEMA_VERSION + "')");
      }
      return new SqliteState(c, clock);
    } catch (java.io.IOException | SQLException e) {
      throw new StoreException("cannot open the monitor state in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Opens an existing state read-only-ish for `results` and `export-osv`. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve("monitor.db"));
  }

  public CursorStore cursors() {
    return cursors;
  }

  public VersionQueue queue() {
    return queue;
  }

  public VerdictStore verdicts() {
    return verdicts;
  }

  @Override
  public void close() {
    synchronized (lock) {
      try {
        conn.close();
      } catch (SQLException e) {
        // Closing is best effort; every write was already committed.
      }
    }
  }

  private StoreException fail(String what, Exception e) {
    return new StoreException("monitor state: " + what + ": " + e.getMessage(), e);
  }

  private final class Cursors implements CursorStore {
    @Override
    public Optional<Cursor> load(String feed) throws StoreException {
      synchronized (lock) {
        try (PreparedStatement p = conn.prepareStatement(
            "SELECT position, origin FROM cursors WHERE feed = ?")) {
          p.setString(1, feed);
          try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(new Cursor(rs.getString(1), Instant.parse(rs.getString(2))))
                : Optional.empty();
          }
        } catch (SQLException e) {
          throw fail("reading the cursor of " + feed, e);
        }
      }
    }

    @Override
    public boolean seen(VersionKey k) throws StoreException {
      synchronized (lock) {
        try (PreparedStatement p = conn.prepareStatement(
            "SELECT 1 FROM seen WHERE ecosystem = ? AND name = ? AND version = ?")) {
          p.setString(1, k.ecosystem().osvName());
          p.setString(2, k.name());
          p.setString(3, k.version());
          try (ResultSet rs = p.executeQuery()) {
            return rs.next();
          }
        } catch (SQLException e) {
          throw fail("reading seen versions", e);
        }
      }
    }

    @Override
    public void commit(String feed, Cursor cursor, Collection<VersionKey> queued)
        throws StoreException {
      synchronized (lock) {
        try {
          conn.setAutoCommit(false);
          try (PreparedStatement c = conn.prepareStatement(
                  "INSERT INTO cursors VALUES(?, ?, ?) ON CONFLICT(feed) DO UPDATE SET"
                      + " position = excluded.position, origin = excluded.origin");
              PreparedStatement s = conn.prepareStatement("INSERT OR IGNORE INTO seen VALUES(?, ?, ?)")) {
            c.setString(1, feed);
            c.setString(2, cursor.position());
            c.setString(3, cursor.origin().toString());
            c.executeUpdate();
            for (VersionKey k : queued) {
              s.setString(1, k.ecosystem().osvName());
              s.setString(2, k.name());
              s.setString(3, k.version());
              s.addBatch();
            }
            s.executeBatch();
          }
          conn.commit();
        } catch (SQLException e) {
          rollback();
          throw fail("saving the cursor of " + feed, e);
        } finally {
          autoCommit();
        }
      }
    }
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // The failed transaction is discarded when the connection closes.
    }
  }

  private void autoCommit() {
    try {
      conn.setAutoCommit(true);
    } catch (SQLException ignored) {
      // Next statement reports the broken connection.
    }
  }

  /** Durable queue with per-key leases held in memory: a crash frees them all. */
  private final class Queue implements VersionQueue {
    @Override
    public void publish(List<VersionEvent> events) throws StoreException {
      if (events.isEmpty()) {
        return;
      }
      synchronized (lock) {
        try {
          conn.setAutoCommit(false);
          try (PreparedStatement p = conn.prepareStatement(
              "INSERT INTO queue(qkey, event) VALUES(?, ?)")) {
            for (VersionEvent e : events) {
              p.setString(1, e.key().queueKey());
              p.setString(2, MonitorJson.event(e));
              p.addBatch();
            }
            p.executeBatch();
          }
          conn.commit();
        } catch (SQLException e) {
          rollback();
          throw fail("queueing " + events.size() + " versions", e);
        } finally {
          autoCommit();
        }
        lock.notifyAll();
      }
    }

    @Override
    public List<Delivery> poll(int max, Duration wait) throws StoreException, InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      synchronized (lock) {
        while (true) {
          List<Delivery> got = take(max);
          long left = deadline - System.nanoTime();
          if (!got.isEmpty() || left <= 0) {
            return got;
          }
          // Woken by publish/ack/retry; a retry's not_before is re-checked at least every 200 ms.
          long ms = Math.max(1, Math.min(200, left / 1_000_000));
          lock.wait(ms);
        }
      }
    }

    private List<Delivery> take(int max) throws StoreException {
      List<Delivery> out = new ArrayList<>();
      try (PreparedStatement p = conn.prepareStatement(
              "SELECT id, qkey, event, attempts FROM queue q WHERE state = 'ready'"
                  + " AND id = (SELECT min(id) FROM queue WHERE qkey = q.qkey AND state = 'ready')"
                  + " AND not_before <= ? ORDER BY id LIMIT ?");
          PreparedStatement bump = conn.prepareStatement(
              "UPDATE queue SET attempts = attempts + 1 WHERE id = ?")) {
        p.setLong(1, clock.millis());
        p.setInt(2, max + inFlight.size());
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next() && rows.size() < max) {
            if (!inFlight.contains(rs.getString(2))) {
              rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)});
            }
          }
        }
        for (Object[] r : rows) {
          long id = (Long) r[0];
          VersionEvent e;
          try {
            e = MonitorJson.event((String) r[2]);
          } catch (MonitorJson.DecodeException ex) {
            try (PreparedStatement d = conn.prepareStatement(
                "UPDATE queue SET state = 'dead', reason = ? WHERE id = ?")) {
              d.setString(1, ex.getMessage());
              d.setLong(2, id);
              d.executeUpdate();
            }
            continue;
          }
          // The attempt is counted before the work, so a version that crashes the process is
          // not retried forever.
          bump.setLong(1, id);
          bump.executeUpdate();
          inFlight.add((String) r[1]);
          out.add(new Delivery(id, e, (Integer) r[3] + 1));
        }
        return out;
      } catch (SQLException e) {
        throw fail("taking from the queue", e);
      }
    }

    @Override
    public void ack(Delivery d) throws StoreException {
      finish(d, "DELETE FROM queue WHERE id = ?", null);
    }

    @Override
    public void retry(Delivery d, String reason) throws StoreException {
      // Backoff: 1 s, 2 s, 4 s … capped at one minute.
      long delay = Math.min(60_000L, 1000L << Math.min(16, d.attempt() - 1));
      finish(d, "UPDATE queue SET reason = ?, not_before = " + (clock.millis() + delay)
          + " WHERE id = ?", reason);
    }

    @Override
    public void deadLetter(Delivery d, String reason) throws StoreException {
      finish(d, "UPDATE queue SET state = 'dead', reason = ? WHERE id = ?", reason);
    }

    private void finish(Delivery d, String sql, String reason) throws StoreException {
      synchronized (lock) {
        try (PreparedStatement p = conn.prepareStatement(sql)) {
          int i = 1;
          if (reason != null) {
            p.setString(i++, reason);
          }
          p.setLong(i, d.id());
          p.executeUpdate();
        } catch (SQLException e) {
          throw fail("finishing a delivery", e);
        } finally {
          inFlight.remove(d.event().key().queueKey());
          lock.notifyAll();
        }
      }
    }

    @Override
    public long pending() throws StoreException {
      synchronized (lock) {
        try (Statement s = conn.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM queue WHERE state = 'ready'")) {
          return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
          throw fail("counting the queue", e);
        }
      }
    }

    @Override
    public List<DeadLetter> deadLetters() throws StoreException {
      synchronized (lock) {
        List<DeadLetter> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
            ResultSet rs = s.executeQuery(
                "SELECT event, attempts, reason FROM queue WHERE state = 'dead' ORDER BY id")) {
          while (rs.next()) {
            try {
              out.add(new DeadLetter(MonitorJson.event(rs.getString(1)), rs.getInt(2),
                  rs.getString(3)));
            } catch (MonitorJson.DecodeException e) {
              // An undecodable message has no event to show; it stays in the table.
            }
          }
          return out;
        } catch (SQLException e) {
          throw fail("reading the dead letters", e);
        }
      }
    }
  }

  private final class Verdicts implements VerdictStore {
    @Override
    public boolean upsert(VerdictRecord r) throws StoreException {
      synchronized (lock) {
        try {
          boolean existed;
          try (PreparedStatement q = conn.prepareStatement("SELECT 1 FROM verdicts WHERE"
              + " ecosystem = ? AND name = ? AND version = ? AND artifact_hash = ?")) {
            VerdictRows.bindKey(q, r);
            try (ResultSet rs = q.executeQuery()) {
              existed = rs.next();
            }
          }
          try (PreparedStatement p = conn.prepareStatement(
              "INSERT INTO verdicts VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT(ecosystem, name, version, artifact_hash) DO UPDATE SET"
                  + " verdict = excluded.verdict, score = excluded.score,"
                  + " published = excluded.published, judged = excluded.judged,"
                  + " record = excluded.record")) {
            VerdictRows.bindKey(p, r);
            p.setString(5, r.verdict().jsonName());
            p.setInt(6, r.score());
            p.setLong(7, r.event().published().toEpochMilli());
            p.setLong(8, r.judged().toEpochMilli());
            p.setString(9, MonitorJson.verdict(r));
            p.executeUpdate();
          }
          return !existed;
        } catch (SQLException e) {
          throw fail("storing the verdict of " + r.key(), e);
        }
      }
    }

    @Override
    public List<VerdictRecord> query(Query q) throws StoreException {
      synchronized (lock) {
        try {
          return VerdictRows.query(conn, VerdictRows.Dialect.SQLITE, q);
        } catch (SQLException e) {
          throw fail("listing verdicts", e);
        }
      }
    }

    @Override
    public Optional<VerdictRecord> previous(Ecosystem ecosystem, String name, String version,
        Instant before) throws StoreException {
      synchronized (lock) {
        try {
          return VerdictRows.previous(conn, VerdictRows.Dialect.SQLITE, ecosystem, name, version,
              before);
        } catch (SQLException e) {
          throw fail("looking up the previous version of " + name, e);
        }
      }
    }
  }
}
