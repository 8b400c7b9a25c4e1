package dev.bulwark.monitor.postgres;

import dev.bulwark.monitor.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One follower per feed: a PostgreSQL session-level advisory lock
 * ({@code pg_try_advisory_lock(CLASS, hashtext(feed))}) held on a connection of its own, outside
 * the pool. The lock lives exactly as long as that session: a follower killed with -9, or a
 * database restart, ends the session and frees the lock for a standby follower. Before each step
 * the holder checks that its session is alive; when it is not, it has lost the lock and must
 * win it again before it touches the feed. Not thread-safe: one follower thread owns it.
 */
public final class FollowerLock implements AutoCloseable {
  /** The advisory-lock class id of follower locks: "BULW". */
  static final int LOCK_CLASS = 0x42554c57;

  private final String jdbcUrl;
  private final String feed;
  private Connection session;

  FollowerLock(String jdbcUrl, String feed) {
    this.jdbcUrl = jdbcUrl;
    this.feed = feed;
  }

  /**
   * True when this follower holds the feed's lock now: keeps it while the session is alive, and
   * otherwise tries once to win it. False when another follower holds it (or the database is
   * down); the caller waits and asks again.
   */
  public boolean hold() throws StoreException {
    if (session != null) {
      try {
        if (session.isValid(3)) {
          return true;
        }
      } catch (SQLException e) {
        // Treated as a dead session below.
      }
      release();
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection(jdbcUrl);
      try (PreparedStatement p = c.prepareStatement(
          "SELECT pg_try_advisory_lock(?, hashtext(?))")) {
        p.setInt(1, LOCK_CLASS);
        p.setString(2, feed);
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            session = c;
            return true;
          }
        }
      }
      c.close();
      return false;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new StoreException("postgres: cannot take the follower lock of " + feed + ": "
          + e.getMessage(), e);
    }
  }

  /** Gives the lock up (closing the session frees it). */
  public void release() {
    closeQuietly(session);
    session = null;
  }

  @Override
  public void close() {
    release();
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // The session is gone either way, and the lock with it.
    }
  }
}
