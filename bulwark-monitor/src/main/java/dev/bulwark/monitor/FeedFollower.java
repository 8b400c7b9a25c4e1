package dev.bulwark.monitor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves one feed into the queue: poll from the stored cursor, drop versions already queued or
 * older than the cursor's origin, publish the rest durably, and only then commit the cursor.
 * A crash between publish and commit replays the batch (the verdict store's idempotent upsert
 * absorbs the duplicate); it never skips one. Knows nothing about the transport.
 */
public final class FeedFollower {
  /** What one step did; {@code lossy}: see {@link FeedBatch#lossy()}. */
  public record Step(int queued, boolean more, boolean reset, boolean lossy) {}

  private final FeedSource source;
  private final CursorStore cursors;
  private final VersionQueue queue;
  private final Clock clock;
  private final boolean fromBeginning;

  /**
   * @param fromBeginning {@code --since 0}: used only when the feed has no stored cursor yet
   */
  public FeedFollower(FeedSource source, CursorStore cursors, VersionQueue queue, Clock clock,
      boolean fromBeginning) {
    this.source = source;
    this.cursors = cursors;
    this.queue = queue;
    this.clock = clock;
    this.fromBeginning = fromBeginning;
  }

  public String feed() {
    return source.name();
  }

  /** One poll of the feed. */
  public Step step() throws FeedException, StoreException, InterruptedException {
    Cursor cursor = cursors.load(source.name()).orElse(null);
    if (cursor == null) {
      cursor = source.start(fromBeginning, clock.instant());
      cursors.commit(source.name(), cursor, List.of());
    }
    FeedBatch batch = source.poll(cursor);
    List<VersionEvent> fresh = new ArrayList<>();
    Set<VersionKey> inBatch = new HashSet<>();
    for (VersionEvent e : batch.events()) {
      if (isHistory(e, cursor.origin()) || !inBatch.add(e.key()) || cursors.seen(e.key())) {
        continue;
      }
      fresh.add(e);
    }
    queue.publish(fresh);
    cursors.commit(source.name(), new Cursor(batch.next(), cursor.origin()),
        fresh.stream().map(VersionEvent::key).toList());
    return new Step(fresh.size(), batch.more(), batch.reset(), batch.lossy());
  }

  private static boolean isHistory(VersionEvent e, Instant origin) {
    return !e.published().equals(Instant.EPOCH) && e.published().isBefore(origin);
  }
}
