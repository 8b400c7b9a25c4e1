/**
 * {@code bulwark monitor}: follows the npm and PyPI feeds, judges every new version with the
 * core engine, and stores and exports the verdicts.
 *
 * <p>The pieces talk through small interfaces so that the embedded mode (SQLite, one JVM) and the
 * distributed mode (Kafka, PostgreSQL) share the follower and worker logic:
 *
 * <ul>
 *   <li>{@link dev.bulwark.monitor.FeedSource}: one per ecosystem, turns a cursor into a batch of
 *       {@link dev.bulwark.monitor.VersionEvent}s and the next cursor.
 *   <li>{@link dev.bulwark.monitor.CursorStore}: the durable cursor of each feed, and the versions
 *       already queued.
 *   <li>{@link dev.bulwark.monitor.VersionQueue}: durable, keyed by {@code ecosystem:name},
 *       at-least-once with explicit ack after the verdict is stored, and a dead letter.
 *   <li>{@link dev.bulwark.monitor.VerdictStore}: idempotent upsert keyed by ecosystem, name,
 *       version and artifact hash.
 *   <li>{@link dev.bulwark.monitor.FeedFollower} and {@link dev.bulwark.monitor.Worker}: the
 *       transport-independent loops.
 * </ul>
 */
package dev.bulwark.monitor;
