/**
 * Known-vulnerable and known-malicious packages, from OSV data.
 *
 * <ul>
 *   <li>{@link dev.bulwark.advisory.AdvisoryPaths#defaultDbPath} — where the database lives.
 *   <li>{@link dev.bulwark.advisory.AdvisoryImporter} — build a database from OSV {@code all.zip}
 *       archives or folders of records, or from the embedded sample.
 *   <li>{@link dev.bulwark.advisory.AdvisoryUpdater} — download OSV's npm and PyPI archives
 *       (conditional GET, retries) and swap in a new database atomically.
 *   <li>{@link dev.bulwark.advisory.AdvisoryDatabase} — open read-only, {@code match} a
 *       dependency or {@code matchAll} many (batched queries), {@code status}.
 * </ul>
 *
 * <p>Storage is one SQLite file (schema version 4, {@code Schema}): {@code advisories} (one row
 * per record with the columns shown to users and a deflated JSON blob of affected ranges),
 * {@code affected(ecosystem, name, advisory_id, modified, lo, hi, match)} (one row per advisory
 * and name: the compact match form of {@code MatchCodec} and its key envelope), {@code
 * packages(ecosystem, name, match)} (the lookup index: one row per name packing the {@code
 * affected} rows of that name, {@code PackedIndex}, derived when an import finishes), and
 * {@code meta} (schema version, build time, per-source location, ETag, Last-Modified, counts).
 * {@code SchemaMigration} upgrades files of versions 1 to 3 in place.
 */
package dev.bulwark.advisory;
