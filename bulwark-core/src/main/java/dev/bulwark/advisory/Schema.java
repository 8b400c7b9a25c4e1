package dev.bulwark.advisory;

import java.util.List;

/** The SQLite schema of the advisory database. */
final class Schema {
  /**
   * Bumped when the layout changes. Version 1 kept only the full record (deflated JSON) and
   * decoded it for every candidate; version 2 adds the compact match form to the lookup index
   * ({@link MatchCodec}); version 3 stores versions in that form as order-preserving byte keys and
   * gives each row the envelope (lo, hi) of the keys it can match, so SQL skips rows that cannot
   * contain a pinned version; version 4 adds the {@code packages} table, one row per
   * (ecosystem, name) packing the rows of all its advisories ({@link PackedIndex}), which lookups
   * read instead of one row per advisory. {@link SchemaMigration} upgrades a version 1, 2 or 3
   * file in place.
   */
  static final int VERSION = 4;

  /**
   * The lookup index (schema 4): one row per (ecosystem, normalised name), its value the packed
   * rows of every advisory of the name. A rowid table with a unique index rather than WITHOUT
   * ROWID: values run to kilobytes, and SQLite keeps large rows best in a rowid table.
   */
  static final String PACKAGES =
      "CREATE TABLE packages(ecosystem TEXT NOT NULL, name TEXT NOT NULL, match BLOB NOT NULL,"
          + " UNIQUE(ecosystem, name))";

  static final String INSERT_PACKAGE = "INSERT INTO packages(ecosystem, name, match) VALUES (?,?,?)";

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
          // One row per (ecosystem, normalised name, advisory): match is what matching needs, in
          // MatchCodec's compact form; lo and hi bound the keys of the versions it can affect
          // (MatchCodec.envelope). Lookups read the packages table, which PackedIndex.rebuild
          // derives from this one when an import finishes; db update copies these rows per source.
          AFFECTED,
          PACKAGES,
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

  /** The packed rows of a name: one B-tree search whatever the number of advisories. */
  static final String LOOKUP = "SELECT match FROM packages WHERE ecosystem = ? AND name = ?";

  /** The packed rows of up to n names of one ecosystem (bound: ecosystem, then n names). */
  static String lookupBatch(int n) {
    return "SELECT name, match FROM packages WHERE ecosystem = ? AND name IN (?" + ",?".repeat(n - 1) + ")";
  }

  // meta keys
  static final String SCHEMA_VERSION = "schema_version";
  static final String IMPORTED_AT = "imported_at";
  static final String NEWEST_MODIFIED = "newest_modified";

  static String sourceKey(String source, String field) {
    return "source." + source + "." + field;
  }

  private Schema() {}
}
