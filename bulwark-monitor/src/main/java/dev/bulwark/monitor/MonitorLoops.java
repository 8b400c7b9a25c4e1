package dev.bulwark.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The follower and worker loops, one thread each, shared by {@link EmbeddedMonitor} and
 * {@link DistributedMonitor}: the modes differ only in what they plug in (a follower's gate, a
 * worker's poll wait, what it tells of each verdict, how it knows the queue is drained).
 */
final class MonitorLoops {
  /** Whether a follower may poll now (the distributed mode's one-follower-per-feed lock). */
  interface Gate {
    Gate OPEN = new Gate() {
      @Override
      public boolean hold() {
        return true;
      }

      @Override
      public void release() {}
    };

    boolean hold() throws StoreException;

    void release();
  }

  /** True when nothing is left to judge (asked only once every feed is idle). */
  interface Drained {
    boolean drained() throws StoreException;
  }

  record FollowerSlot(FeedFollower follower, Gate gate) {
    FollowerSlot {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(gate, "gate");
    }
  }

  /**
   * @param pollWait how long one poll of the queue waits
   * @param stored told of each stored verdict, before the listener
   * @param drained with untilIdle: the queue is empty
   * @param close run when the loop ends
   */
  record WorkerSlot(Worker worker, Duration pollWait, Consumer<VerdictRecord> stored, Drained drained,
      Runnable close) {
    WorkerSlot {
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(pollWait, "pollWait");
      Objects.requireNonNull(stored, "stored");
      Objects.requireNonNull(drained, "drained");
      Objects.requireNonNull(close, "close");
    }
  }

  private final List<FollowerSlot> followers;
  private final List<WorkerSlot> workers;
  private final EmbeddedMonitor.Options options;
  private final EmbeddedMonitor.Listener listener;
  private final Sleeper sleeper;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger idleFeeds = new AtomicInteger();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong judged = new AtomicLong();
  private final List<String> failedFeeds = Collections.synchronizedList(new ArrayList<>());

  MonitorLoops(List<FollowerSlot> followers, List<WorkerSlot> workers,
      EmbeddedMonitor.Options options, EmbeddedMonitor.Listener listener, Sleeper sleeper) {
    this.followers = List.copyOf(followers);
    this.workers = List.copyOf(workers);
    this.options = options;
    this.listener = listener;
    this.sleeper = sleeper;
  }

  void stop() {
    stopping.set(true);
  }

  EmbeddedMonitor.Summary run() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (FollowerSlot f : followers) {
      threads.add(start("bulwark-monitor-follow-" + f.follower().feed(), () -> follow(f)));
    }
    for (int i = 0; i < workers.size(); i++) {
      WorkerSlot w = workers.get(i);
      threads.add(start("bulwark-monitor-worker-" + i, () -> work(w)));
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
    return new EmbeddedMonitor.Summary(queued.get(), judged.get(), List.copyOf(failedFeeds));
  }

  private static Thread start(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.start();
    return t;
  }

  private void follow(FollowerSlot f) {
    String feed = f.follower().feed();
    int failures = 0;
    boolean standingBy = false;
    try {
      while (!stopping.get()) {
        FeedFollower.Step s;
        try {
          if (!f.gate().hold()) {
            if (!standingBy) {
              listener.feedError(feed, "another follower holds the lock of " + feed
                  + "; standing by");
              standingBy = true;
            }
            if (options.untilIdle()) {
              break;
            }
            sleeper.sleep(options.pollInterval());
            continue;
          }
          standingBy = false;
          s = f.follower().step();
          failures = 0;
        } catch (FeedException | StoreException e) {
          failures++;
          listener.feedError(feed, e.getMessage());
          if (options.untilIdle() && failures >= options.maxFeedFailures()) {
            failedFeeds.add(feed);
            break;
          }
          sleeper.sleep(options.pollInterval());
          continue;
        }
        queued.addAndGet(s.queued());
        if (s.lossy()) {
          listener.lossyGap(feed);
        }
        if (s.queued() > 0 || s.reset()) {
          listener.queued(feed, s.queued(), s.reset());
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
      f.gate().release();
      idleFeeds.incrementAndGet();
    }
  }

  private void work(WorkerSlot w) {
    try {
      while (!stopping.get()) {
        int n;
        try {
          n = w.worker().step(1, w.pollWait(), r -> {
            judged.incrementAndGet();
            w.stored().accept(r);
            listener.judged(r);
          });
        } catch (StoreException e) {
          listener.storeError(e.getMessage());
          sleeper.sleep(Duration.ofSeconds(1));
          continue;
        }
        if (n == 0 && options.untilIdle() && idleFeeds.get() == followers.size()) {
          try {
            if (w.drained().drained()) {
              return;
            }
          } catch (StoreException e) {
            listener.storeError(e.getMessage());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      w.close().run();
    }
  }
}
