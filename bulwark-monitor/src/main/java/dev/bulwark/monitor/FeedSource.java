package dev.bulwark.monitor;

import java.time.Instant;

/** One ecosystem's feed of changes, such as npm's replication changes feed or PyPI's journal. */
public interface FeedSource {
  /** The feed's name, the key of its cursor ("npm", "pypi"). */
  String name();

  /**
   * Where to start on the first run: {@code --since 0} gives the feed's first position,
   * {@code --since now} its current end.
   */
  Cursor start(boolean fromBeginning, Instant now) throws FeedException, InterruptedException;

  /**
   * The changes after {@code cursor}, turned into version events. Retries transient errors
   * itself (with backoff through the injected sleeper) before giving up with a FeedException.
   */
  FeedBatch poll(Cursor cursor) throws FeedException, InterruptedException;
}
