package dev.bulwark.advisory;

import java.util.List;

/** The SQLite schema of the advisory database. */
final class Schema {
  /**
   * Bumped when the layout changes. Version 1 kept only the full record (deflated JSON) and
   * decoded it for every candidate; version 2 adds the compact match form to the lookup index
   * ({@link MatchCodec}); version 3 stores versions in that form as order-preserving byte keys and
   * gives each row the envelope (lo, hi) of the keys it can match, so SQL skips rows that cannot
   * contain a pinned version. {@link SchemaMigration} upgrades a version 1 or 2 file in place.
   */
  static final int VERSION = 3;

  static final String AFFECTED =
      "CREATE TABLE affected(ecosystem TEXT NOT NULL, name TEXT NOT NULL,"
          + " advisory_id TEXT NOT NULL, modified TEXT NOT NULL, lo BLOB NOT NULL, hi BLOB NOT NULL,"
          + " match BLOB NOT NULL, PRIMARY KEY(ecosystem, name, advisory_id)) WITHOUT ROWID";

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
          // B-tree search whatever the number of advisories, and the rows of one name are
          // adjacent. match is what matching needs, in MatchCodec's compact form; lo and hi bound
          // the keys of the versions it can affect (MatchCodec.envelope), compared as BLOBs.
          AFFECTED,
          "CREATE INDEX advisories_source ON advisories(source)");

  static final String INSERT_ADVISORY =
      "INSERT INTO advisories(id, source, kind, severity, score, summary, aliases, related,"
          + " withdrawn, modified, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT(id) DO UPDATE SET source=excluded.source, kind=excluded.kind,"
          + " severity=excluded.severity, score=excluded.score, summary=excluded.summary,"
          + " aliases=excluded.aliases, related=excluded.related, withdrawn=excluded.withdrawn,"
          + " modified=excluded.modified, data=excluded.data"
          + " WHERE excluded.modified > advisories.modified";

  // The same rule as for advisories: a record id seen again keeps the newest version's rows.
  static final String INSERT_AFFECTED =
      "INSERT INTO affected(ecosystem, name, advisory_id, modified, lo, hi, match)"
          + " VALUES (?,?,?,?,?,?,?)"
          + " ON CONFLICT(ecosystem, name, advisory_id) DO UPDATE SET modified=excluded.modified,"
          + " lo=excluded.lo, hi=excluded.hi, match=excluded.match"
          + " WHERE excluded.modified > affected.modified";

  /** Drops index rows left by an older version of a record that was replaced by a newer one. */
  static final String DROP_STALE_AFFECTED =
      "DELETE FROM affected WHERE modified <> (SELECT a.modified FROM advisories a WHERE a.id = advisory_id)";

  /** The rows of a name (for a range or an unpinned dependency). */
  static final String LOOKUP = "SELECT advisory_id, match FROM affected WHERE ecosystem = ? AND name = ?";

  /** The rows of a name whose envelope contains a pinned version's key (bound twice). */
  static final String LOOKUP_PINNED = "SELECT advisory_id, match FROM affected"
      + " WHERE ecosystem = ? AND name = ? AND lo <= ? AND hi >= ?";

  // meta keys
  static final String SCHEMA_VERSION = "schema_version";
  static final String IMPORTED_AT = "imported_at";
  static final String NEWEST_MODIFIED = "newest_modified";

  static String sourceKey(String source, String field) {
    return "source." + source + "." + field;
  }

  private Schema() {}
}
