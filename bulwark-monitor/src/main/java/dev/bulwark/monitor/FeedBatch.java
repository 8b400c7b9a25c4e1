package dev.bulwark.monitor;

import java.util.List;
import java.util.Objects;

/**
 * What one poll of a feed returned.
 *
 * @param events versions announced in this batch (may include versions already queued; the
 *     follower filters them with {@link CursorStore#seen})
 * @param next the position to poll from next time
 * @param more true when the feed said more changes are waiting (poll again without pausing)
 * @param reset true when the feed no longer knew the old position and restarted from a new one
 * @param lossy true when versions may have been lost before this batch: a windowed feed (RSS)
 *     whose oldest entry is newer than the cursor (what package-feeds calls {@code LOSSY_FEED})
 */
public record FeedBatch(List<VersionEvent> events, String next, boolean more, boolean reset,
    boolean lossy) {
  public FeedBatch {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }

  public FeedBatch(List<VersionEvent> events, String next, boolean more, boolean reset) {
    this(events, next, more, reset, false);
  }
}
