package dev.bulwark.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The embedded mode: the followers and N workers as threads of one JVM around one
 * {@link SqliteState}. With {@code untilIdle} it returns once every feed has nothing new and the
 * queue is empty; otherwise it runs until {@link #stop()}.
 */
public final class EmbeddedMonitor {
  /** Progress, for the CLI to print. Called from follower and worker threads. */
  public interface Listener {
    default void queued(String feed, int count, boolean reset) {}

    default void judged(VerdictRecord r) {}

    default void feedError(String feed, String message) {}

    default void storeError(String message) {}

    /**
     * A windowed feed (PyPI's RSS) may have lost versions before its last batch (package-feeds'
     * {@code LOSSY_FEED}); told as a feed error unless overridden.
     */
    default void lossyGap(String feed) {
      feedError(feed, "LOSSY_FEED: the feed's window no longer reaches back to the cursor;"
          + " versions published in between may have been missed");
    }
  }

  /**
   * @param workers worker threads
   * @param untilIdle stop when the feeds are idle and the queue is empty
   * @param pollInterval pause between polls of an idle feed
   * @param maxFeedFailures with untilIdle: a feed that fails this many polls in a row is given up
   */
  public record Options(int workers, boolean untilIdle, Duration pollInterval, int maxFeedFailures) {
    public Options {
      Objects.requireNonNull(pollInterval, "pollInterval");
    }
  }

  /** What a run did. */
  public record Summary(long queued, long judged, List<String> failedFeeds) {}

  private final MonitorLoops loops;

  public EmbeddedMonitor(List<FeedFollower> followers, VersionQueue queue, Worker worker,
      Options options, Listener listener, Sleeper sleeper) {
    List<MonitorLoops.FollowerSlot> fs = new ArrayList<>();
    for (FeedFollower f : followers) {
      fs.add(new MonitorLoops.FollowerSlot(f, MonitorLoops.Gate.OPEN));
    }
    List<MonitorLoops.WorkerSlot> ws = new ArrayList<>();
    for (int i = 0; i < Math.max(1, options.workers()); i++) {
      // One Worker serves every thread: the queue hands each key to one thread at a time.
      ws.add(new MonitorLoops.WorkerSlot(worker, Duration.ofMillis(200), r -> { },
          () -> queue.pending() == 0, () -> { }));
    }
    this.loops = new MonitorLoops(fs, ws, options, listener, sleeper);
  }

  public void stop() {
    loops.stop();
  }

  /** Runs until idle (with untilIdle) or until {@link #stop()}. */
  public Summary run() throws InterruptedException {
    return loops.run();
  }
}
