package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VersionKey;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * The queries and row mapping the SQLite and the PostgreSQL watch stores share: both keep the
 * same tables with the same columns, times as epoch milliseconds, and differ in the tables' names,
 * in how a flag is stored and tested, and in their upserts and locking, which stay in each store.
 * Every method runs on the connection it is given and leaves transactions and locks to the store.
 */
final class WatchRows {
  /** One unit of work on a connection; the store supplies the connection and wraps errors. */
  interface Work<T> {
    T run(Connection c) throws SQLException, IOException;
  }

  /**
   * @param prefix put before every table name ({@code ""} in SQLite, {@code "watch_"} in
   *     PostgreSQL)
   * @param pinned the condition that a {@code deps} row is pinned ({@code unpinned = 0} in SQLite,
   *     where it can use the index, {@code NOT unpinned} in PostgreSQL)
   */
  record Dialect(String prefix, String pinned) {
    static final Dialect SQLITE = new Dialect("", "unpinned = 0");
    static final Dialect POSTGRES = new Dialect("watch_", "NOT unpinned");

    String deps() {
      return prefix + "deps";
    }

    String projects() {
      return prefix + "projects";
    }

    String alerts() {
      return prefix + "alerts";
    }

    String verdicts() {
      return prefix + "verdicts";
    }

    String tokens() {
      return prefix + "tokens";
    }
  }

  static final String BAD = " WHERE verdict IN ('malicious', 'suspicious')";
  private static final ObjectMapper M = new ObjectMapper();
  private static final TypeReference<List<VerdictFinding>> FINDINGS = new TypeReference<>() {};

  private WatchRows() {}

  static void deleteDeps(Connection c, Dialect d, String project) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM " + d.deps()
        + " WHERE project = ?")) {
      p.setString(1, project);
      p.executeUpdate();
    }
  }

  /** Binds a {@code deps} row to parameters 1 to 7 (a flag through setBoolean: 1/0 in SQLite). */
  static void bindDep(PreparedStatement p, String project, PinnedPackage d) throws SQLException {
    p.setString(1, project);
    bindKey(p, 2, d.key());
    p.setBoolean(5, d.unpinned());
    p.setBoolean(6, d.direct());
    p.setBoolean(7, d.dev());
  }

  /** Inserts or updates a project's row (the same upsert in both dialects). */
  static void upsertProject(Connection c, Dialect d, String project, String file, Instant now,
      int deps) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + d.projects()
        + " VALUES(?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET file = excluded.file,"
        + " uploaded = excluded.uploaded, deps = excluded.deps")) {
      p.setString(1, project);
      p.setString(2, file);
      p.setLong(3, now.toEpochMilli());
      p.setInt(4, deps);
      p.executeUpdate();
    }
  }

  /** The condition that an alert's version is no longer in its project's inventory. */
  static String goneFromDeps(Dialect d) {
    return " AND state != 'resolved' AND NOT EXISTS (SELECT 1 FROM " + d.deps() + " d WHERE"
        + " d.project = a.project AND d.ecosystem = a.ecosystem AND d.name = a.name"
        + " AND d.version = a.version)";
  }

  static List<String> projectsPinning(Connection c, Dialect d, VersionKey key)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT project FROM " + d.deps() + " WHERE"
        + " ecosystem = ? AND name = ? AND version = ? AND " + d.pinned() + " ORDER BY project")) {
      bindKey(p, 1, key);
      List<String> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  static Set<VersionKey> pinnedVersions(Connection c, Dialect d) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT ecosystem, name, version FROM "
        + d.deps() + " WHERE " + d.pinned());
        ResultSet r = p.executeQuery()) {
      Set<VersionKey> out = new TreeSet<>();
      while (r.next()) {
        out.add(key(r.getString(1), r.getString(2), r.getString(3)));
      }
      return out;
    }
  }

  /** Projects sorted by name, all of them or (with {@code name}) the one. */
  static List<Project> projects(Connection c, Dialect d, Optional<String> name)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT p.name, p.file, p.uploaded, p.deps,"
        + " (SELECT COUNT(*) FROM " + d.alerts() + " a WHERE a.project = p.name AND a.state !="
        + " 'resolved') FROM " + d.projects() + " p" + (name.isPresent() ? " WHERE p.name = ?" : "")
        + " ORDER BY p.name")) {
      if (name.isPresent()) {
        p.setString(1, name.get());
      }
      List<Project> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Project(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
              r.getInt(4), r.getInt(5)));
        }
      }
      return out;
    }
  }

  static List<PinnedPackage> packages(Connection c, Dialect d, String project)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT ecosystem, name, version, unpinned,"
        + " direct, dev FROM " + d.deps() + " WHERE project = ?")) {
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
    }
  }

  /** The upsert that raises an alert, up to its {@code WHERE}; the dialect adds what follows. */
  static String raiseSql(Dialect d) {
    return "INSERT INTO " + d.alerts() + "(project, ecosystem, name, version, cause, verdict,"
        + " summary, state, raised, changed) VALUES(?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)"
        + " ON CONFLICT(project, ecosystem, name, version, cause) DO UPDATE SET state = 'new',"
        + " raised = excluded.raised, changed = excluded.changed, verdict = excluded.verdict,"
        + " summary = excluded.summary WHERE " + d.alerts() + ".state = 'resolved'";
  }

  /** Binds the parameters of {@link #raiseSql}. */
  static void bindRaise(PreparedStatement p, String project, VersionKey key, String cause,
      String verdict, String summary, Instant now) throws SQLException {
    p.setString(1, project);
    bindKey(p, 2, key);
    p.setString(5, cause);
    p.setString(6, verdict);
    p.setString(7, summary);
    p.setLong(8, now.toEpochMilli());
    p.setLong(9, now.toEpochMilli());
  }

  static List<Alert> alerts(Connection c, Dialect d, Optional<Instant> since,
      Optional<AlertState> state, Optional<String> project, int limit) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT * FROM " + d.alerts() + " WHERE raised >= ?");
    state.ifPresent(s -> sql.append(" AND state = ?"));
    project.ifPresent(s -> sql.append(" AND project = ?"));
    sql.append(" ORDER BY id LIMIT ?");
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      p.setLong(i++, since.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
      if (state.isPresent()) {
        p.setString(i++, state.get().jsonName());
      }
      if (project.isPresent()) {
        p.setString(i++, project.get());
      }
      p.setInt(i, limit);
      return alerts(p);
    }
  }

  /** The alerts a statement's rows hold, each row a whole {@code alerts} row. */
  static List<Alert> alerts(PreparedStatement p) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(alert(r));
      }
    }
    return out;
  }

  static boolean acknowledge(Connection c, Dialect d, long id, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE " + d.alerts() + " SET state ="
        + " 'acknowledged', changed = ? WHERE id = ? AND state = 'new'")) {
      p.setLong(1, now.toEpochMilli());
      p.setLong(2, id);
      return p.executeUpdate() == 1;
    }
  }

  static Map<AlertState, Long> alertCounts(Connection c, Dialect d) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM " + d.alerts()
        + " GROUP BY state");
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
    }
  }

  /** Binds a {@code verdicts} row to parameters 1 to 9. */
  static void bindVerdict(PreparedStatement p, PackageVerdict v)
      throws SQLException, JsonProcessingException {
    bindKey(p, 1, v.key());
    p.setString(4, v.verdict());
    p.setInt(5, v.score());
    p.setString(6, v.reason());
    p.setString(7, M.writeValueAsString(v.evidence()));
    p.setLong(8, v.published().toEpochMilli());
    p.setLong(9, v.judged().toEpochMilli());
  }

  static Optional<PackageVerdict> verdict(Connection c, Dialect d, VersionKey key)
      throws SQLException, IOException {
    return verdicts(c, d, " WHERE ecosystem = ? AND name = ? AND version = ?",
        List.of(key.ecosystem().osvName(), key.name(), key.version()), 1).stream().findFirst();
  }

  /** The malicious and suspicious verdicts of {@code keys}, sorted by key. */
  static List<PackageVerdict> badVerdicts(Connection c, Dialect d, Collection<VersionKey> keys)
      throws SQLException, IOException {
    // The bad verdicts are few next to an inventory: read them all, keep those pinned.
    Set<VersionKey> wanted = new HashSet<>(keys);
    List<PackageVerdict> out = new ArrayList<>();
    for (PackageVerdict v : verdicts(c, d, BAD, List.of(), Integer.MAX_VALUE)) {
      if (wanted.contains(v.key())) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparing(PackageVerdict::key));
    return out;
  }

  /** Newest first, then by key; {@code where} takes {@code args} as its parameters. */
  static List<PackageVerdict> verdicts(Connection c, Dialect d, String where, List<String> args,
      int limit) throws SQLException, IOException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + d.verdicts() + where
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
    }
  }

  static int addToken(Connection c, Dialect d, Token t, String secretHash) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + d.tokens()
        + " VALUES(?, ?, ?, ?, ?, ?)")) {
      p.setString(1, t.id());
      p.setString(2, t.name());
      p.setString(3, t.scope().jsonName());
      p.setString(4, secretHash);
      p.setLong(5, t.created().toEpochMilli());
      p.setBoolean(6, t.revoked());
      return p.executeUpdate();
    }
  }

  static boolean revoke(Connection c, Dialect d, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE " + d.tokens()
        + " SET revoked = ? WHERE id = ?")) {
      p.setBoolean(1, true);
      p.setString(2, id);
      return p.executeUpdate() == 1;
    }
  }

  /** Tokens sorted by id, all of them or (with {@code hash}) the one with that secret hash. */
  static List<Token> tokens(Connection c, Dialect d, Optional<String> hash) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id, name, scope, created, revoked FROM "
        + d.tokens() + (hash.isPresent() ? " WHERE hash = ?" : "") + " ORDER BY id")) {
      if (hash.isPresent()) {
        p.setString(1, hash.get());
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
    }
  }

  /** Binds a version's ecosystem, name and version to parameters {@code from} to from + 2. */
  private static void bindKey(PreparedStatement p, int from, VersionKey k) throws SQLException {
    p.setString(from, k.ecosystem().osvName());
    p.setString(from + 1, k.name());
    p.setString(from + 2, k.version());
  }

  /** A whole {@code alerts} row. */
  static Alert alert(ResultSet r) throws SQLException {
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
