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
 *       dependency, {@code status}.
 * </ul>
 *
 * <p>Storage is one SQLite file: {@code advisories} (one row per record with the columns shown to
 * users and a deflated JSON blob of affected ranges), {@code affected(ecosystem, name,
 * advisory_id)} whose primary key is the lookup index, and {@code meta} (schema version, build
 * time, per-source location, ETag, Last-Modified, counts).
 */
package dev.bulwark.advisory;
