package dev.bulwark.monitor;

import dev.bulwark.model.Ecosystem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reads of a SQL {@link VerdictStore}, shared by the SQLite and the PostgreSQL state: both keep
 * a {@code verdicts} table with the same columns, the whole record as JSON in {@code record},
 * and differ only in how a time is stored and how text sorts.
 */
public final class VerdictRows {
  /** How a time column is bound. */
  public interface TimeBinder {
    void bind(PreparedStatement p, int index, Instant t) throws SQLException;
  }

  /**
   * @param label names the store in messages ("monitor state", "postgres")
   * @param collate appended to every text column in ORDER BY (PostgreSQL: {@code COLLATE "C"}, so
   *     that the order is bytewise as SQLite's)
   * @param time how the {@code judged} and {@code published} columns are bound
   */
  public record Dialect(String label, String collate, TimeBinder time) {
    public Dialect {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(collate, "collate");
      Objects.requireNonNull(time, "time");
    }

    /** SQLite: times are epoch milliseconds. */
    public static final Dialect SQLITE = new Dialect("monitor state", "",
        (p, i, t) -> p.setLong(i, t.toEpochMilli()));

    /** PostgreSQL: times are {@code timestamptz}, text sorts bytewise. */
    public static final Dialect POSTGRES = new Dialect("postgres", " COLLATE \"C\"",
        (p, i, t) -> p.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
  }

  private VerdictRows() {}

  /** {@link VerdictStore#query}: sorted by ecosystem, name, version and artifact hash. */
  public static List<VerdictRecord> query(Connection c, Dialect d, VerdictStore.Query q)
      throws SQLException, StoreException {
    StringBuilder sql = new StringBuilder("SELECT record FROM verdicts WHERE 1 = 1");
    q.judgedSince().ifPresent(x -> sql.append(" AND judged >= ?"));
    q.verdict().ifPresent(x -> sql.append(" AND verdict = ?"));
    String k = d.collate();
    sql.append(" ORDER BY ecosystem").append(k).append(", name").append(k).append(", version")
        .append(k).append(", artifact_hash").append(k);
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (q.judgedSince().isPresent()) {
        d.time().bind(p, i++, q.judgedSince().get());
      }
      if (q.verdict().isPresent()) {
        p.setString(i, q.verdict().get().jsonName());
      }
      return records(p, d);
    }
  }

  /** {@link VerdictStore#previous}. */
  public static Optional<VerdictRecord> previous(Connection c, Dialect d, Ecosystem ecosystem,
      String name, String version, Instant before) throws SQLException, StoreException {
    try (PreparedStatement p = c.prepareStatement("SELECT record FROM verdicts WHERE"
        + " ecosystem = ? AND name = ? AND version <> ? AND verdict <> 'error'"
        + " AND published <= ? ORDER BY published DESC, version" + d.collate()
        + " DESC LIMIT 1")) {
      p.setString(1, ecosystem.osvName());
      p.setString(2, name);
      p.setString(3, version);
      d.time().bind(p, 4, before);
      List<VerdictRecord> r = records(p, d);
      return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }
  }

  /** Binds ecosystem, name, version and artifact hash to parameters 1 to 4. */
  public static void bindKey(PreparedStatement p, VerdictRecord r) throws SQLException {
    p.setString(1, r.key().ecosystem().osvName());
    p.setString(2, r.key().name());
    p.setString(3, r.key().version());
    p.setString(4, r.artifactHash());
  }

  /** The first column of each row, a {@link MonitorJson#verdict(VerdictRecord)} document. */
  private static List<VerdictRecord> records(PreparedStatement p, Dialect d)
      throws SQLException, StoreException {
    List<VerdictRecord> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        try {
          out.add(MonitorJson.verdict(rs.getString(1)));
        } catch (MonitorJson.DecodeException e) {
          throw new StoreException(d.label() + ": a stored verdict is unreadable: "
              + e.getMessage(), e);
        }
      }
    }
    return out;
  }
}
