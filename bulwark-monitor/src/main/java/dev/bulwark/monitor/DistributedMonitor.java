package dev.bulwark.monitor;

import dev.bulwark.monitor.kafka.KafkaQueue;
import dev.bulwark.monitor.kafka.Topics;
import dev.bulwark.monitor.postgres.FollowerLock;
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
 * The distributed mode's process: the followers this process may run (each behind its feed's
 * advisory lock, so one process per feed follows it) and worker threads, each a member of the
 * Kafka consumer group with its own {@link KafkaQueue}. With {@code untilIdle} it returns once the
 * feeds it follows have nothing new and the group's lag is zero; otherwise it runs until
 * {@link #stop()}.
 */
public final class DistributedMonitor {
  /** A follower and the lock that lets it run. */
  public record Follower(FeedFollower follower, FollowerLock lock) {
    public Follower {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(lock, "lock");
    }
  }

  /** One worker thread's worker and the queue (group member) it polls. */
  public record WorkerSlot(Worker worker, KafkaQueue queue) {
    public WorkerSlot {
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(queue, "queue");
    }
  }

  private final List<Follower> followers;
  private final List<WorkerSlot> workers;
  private final Topics topics;
  private final EmbeddedMonitor.Options options;
  private final EmbeddedMonitor.Listener listener;
  private final Consumer<VerdictRecord> published;
  private final Sleeper sleeper;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger idleFeeds = new AtomicInteger();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong judged = new AtomicLong();
  private final List<String> failedFeeds = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param published told of each stored verdict (the verdicts topic)
   */
  public DistributedMonitor(List<Follower> followers, List<WorkerSlot> workers, Topics topics,
      EmbeddedMonitor.Options options, EmbeddedMonitor.Listener listener,
      Consumer<VerdictRecord> published, Sleeper sleeper) {
    this.followers = List.copyOf(followers);
    this.workers = List.copyOf(workers);
    this.topics = topics;
    this.options = options;
    this.listener = listener;
    this.published = published;
    this.sleeper = sleeper;
  }

  public void stop() {
    stopping.set(true);
  }

  public EmbeddedMonitor.Summary run() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (Follower f : followers) {
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

  private void follow(Follower f) {
    String feed = f.follower().feed();
    int failures = 0;
    boolean standingBy = false;
    try {
      while (!stopping.get()) {
        FeedFollower.Step s;
        try {
          if (!f.lock().hold()) {
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
      f.lock().release();
      idleFeeds.incrementAndGet();
    }
  }

  private void work(WorkerSlot w) {
    try {
      while (!stopping.get()) {
        int n;
        try {
          n = w.worker().step(1, Duration.ofMillis(500), r -> {
            judged.incrementAndGet();
            published.accept(r);
            listener.judged(r);
          });
        } catch (StoreException e) {
          listener.storeError(e.getMessage());
          sleeper.sleep(Duration.ofSeconds(1));
          continue;
        }
        if (n == 0 && options.untilIdle() && idleFeeds.get() == followers.size()) {
          try {
            if (topics.lag() == 0) {
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
      w.queue().close();
    }
  }
}
