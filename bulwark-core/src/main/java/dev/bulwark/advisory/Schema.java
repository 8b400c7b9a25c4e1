package dev.bulwark.advisory;

import java.util.List;

/** The SQLite schema of the advisory database. */
final class Schema {
  /** Bumped when the layout changes; a database of another version must be rebuilt. */
  static final int VERSION = 1;

  static final List<String> CREATE =
      List.of(
          "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
          // source: the meta key of the archive the record came from, so an update can keep the
          // records of an archive that did not change. score is NULL when no vector scored.
          "CREATE TABLE advisories(id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL,"
              + " severity TEXT NOT NULL, score REAL, summary TEXT NOT NULL, aliases TEXT NOT NULL,"
              + " related TEXT NOT NULL, withdrawn TEXT NOT NULL, modified TEXT NOT NULL,"
              + " data BLOB NOT NULL)",
          // The lookup index: (ecosystem, normalised name) is the key prefix, so a lookup is one
          // B-tree search whatever the number of advisories.
          "CREATE TABLE affected(ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
              + " advisory_id TEXT NOT NULL, PRIMARY KEY(ecosystem, name, advisory_id)) WITHOUT ROWID",
          "CREATE INDEX advisories_source ON advisories(source)");

  static final String INSERT_ADVISORY =
      "INSERT INTO advisories(id, source, kind, severity, score, summary, aliases, related,"
          + " withdrawn, modified, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT(id) DO UPDATE SET source=excluded.source, kind=excluded.kind,"
          + " severity=excluded.severity, score=excluded.score, summary=excluded.summary,"
          + " aliases=excluded.aliases, related=excluded.related, withdrawn=excluded.withdrawn,"
          + " modified=excluded.modified, data=excluded.data"
          + " WHERE excluded.modified > advisories.modified";

  static final String INSERT_AFFECTED =
      "INSERT OR IGNORE INTO affected(ecosystem, name, advisory_id) VALUES (?,?,?)";

  static final String LOOKUP =
      "SELECT a.id, a.kind, a.severity, a.score, a.summary, a.aliases, a.related, a.withdrawn,"
          + " a.data FROM affected f JOIN advisories a ON a.id = f.advisory_id"
          + " WHERE f.ecosystem = ? AND f.name = ?";

  // meta keys
  static final String SCHEMA_VERSION = "schema_version";
  static final String IMPORTED_AT = "imported_at";
  static final String NEWEST_MODIFIED = "newest_modified";

  static String sourceKey(String source, String field) {
    return "source." + source + "." + field;
  }

  private Schema() {}
}
