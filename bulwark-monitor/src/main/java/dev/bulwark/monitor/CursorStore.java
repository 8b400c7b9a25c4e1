package dev.bulwark.monitor;

import java.util.Collection;
import java.util.Optional;

/**
 * The followers' durable state: each feed's cursor, and which versions were already queued (a
 * feed such as npm's announces a package, not a version, so the follower must know what it has
 * already sent).
 */
public interface CursorStore {
  Optional<Cursor> load(String feed) throws StoreException;

  /** True when this version was already queued by a follower. */
  boolean seen(VersionKey key) throws StoreException;

  /**
   * Saves the cursor and marks the versions seen, atomically. Called only after the versions
   * are durably in the queue, so a crash in between replays them and never skips them.
   */
  void commit(String feed, Cursor cursor, Collection<VersionKey> queued) throws StoreException;
}
