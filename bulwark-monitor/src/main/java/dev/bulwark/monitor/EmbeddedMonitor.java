package dev.bulwark.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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

  private final List<FeedFollower> followers;
  private final VersionQueue queue;
  private final Worker worker;
  private final Options options;
  private final Listener listener;
  private final Sleeper sleeper;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger idleFeeds = new AtomicInteger();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong judged = new AtomicLong();
  private final List<String> failedFeeds = java.util.Collections.synchronizedList(new ArrayList<>());

  public EmbeddedMonitor(List<FeedFollower> followers, VersionQueue queue, Worker worker,
      Options options, Listener listener, Sleeper sleeper) {
    this.followers = List.copyOf(followers);
    this.queue = queue;
    this.worker = worker;
    this.options = options;
    this.listener = listener;
    this.sleeper = sleeper;
  }

  public void stop() {
    stopping.set(true);
  }

  /** Runs until idle (with untilIdle) or until {@link #stop()}. */
  public Summary run() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (FeedFollower f : followers) {
      threads.add(start("bulwark-monitor-follow-" + f.feed(), () -> follow(f)));
    }
    for (int i = 0; i < Math.max(1, options.workers()); i++) {
      threads.add(start("bulwark-monitor-worker-" + i, this::work));
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      stopping.set(true);
      threads.forEach(Thread::interrupt);
      throw e;
    }
    return new Summary(queued.get(), judged.get(), List.copyOf(failedFeeds));
  }

  private static Thread start(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.start();
    return t;
  }

  private void follow(FeedFollower f) {
    int failures = 0;
    try {
      while (!stopping.get()) {
        FeedFollower.Step s;
        try {
          s = f.step();
          failures = 0;
        } catch (FeedException | StoreException e) {
          failures++;
          listener.feedError(f.feed(), e.getMessage());
          if (options.untilIdle() && failures >= options.maxFeedFailures()) {
            failedFeeds.add(f.feed());
            break;
          }
          sleeper.sleep(options.pollInterval());
          continue;
        }
        queued.addAndGet(s.queued());
        if (s.queued() > 0 || s.reset()) {
          listener.queued(f.feed(), s.queued(), s.reset());
        }
        if (s.more() || s.queued() > 0) {
          continue;
        }
        if (options.untilIdle()) {
          break;
        }
        sleeper.sleep(options.pollInterval());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      idleFeeds.incrementAndGet();
    }
  }

  private void work() {
    try {
      while (!stopping.get()) {
        int n;
        try {
          n = worker.step(1, Duration.ofMillis(200), r -> {
            judged.incrementAndGet();
            listener.judged(r);
          });
        } catch (StoreException e) {
          listener.storeError(e.getMessage());
          sleeper.sleep(Duration.ofSeconds(1));
          continue;
        }
        if (n == 0 && options.untilIdle() && idleFeeds.get() == followers.size()
            && queue.pending() == 0) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StoreException e) {
      listener.storeError(e.getMessage());
    }
  }
}
