package dev.bulwark.monitor;

import dev.bulwark.monitor.kafka.KafkaQueue;
import dev.bulwark.monitor.kafka.Topics;
import dev.bulwark.monitor.postgres.FollowerLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  private final MonitorLoops loops;

  /**
   * @param published told of each stored verdict (the verdicts topic)
   */
  public DistributedMonitor(List<Follower> followers, List<WorkerSlot> workers, Topics topics,
      EmbeddedMonitor.Options options, EmbeddedMonitor.Listener listener,
      Consumer<VerdictRecord> published, Sleeper sleeper) {
    List<MonitorLoops.FollowerSlot> fs = new ArrayList<>();
    for (Follower f : followers) {
      FollowerLock lock = f.lock();
      fs.add(new MonitorLoops.FollowerSlot(f.follower(), new MonitorLoops.Gate() {
        @Override
        public boolean hold() throws StoreException {
          return lock.hold();
        }

        @Override
        public void release() {
          lock.release();
        }
      }));
    }
    List<MonitorLoops.WorkerSlot> ws = new ArrayList<>();
    for (WorkerSlot w : workers) {
      ws.add(new MonitorLoops.WorkerSlot(w.worker(), Duration.ofMillis(500), published,
          () -> topics.lag() == 0, w.queue()::close));
    }
    this.loops = new MonitorLoops(fs, ws, options, listener, sleeper);
  }

  public void stop() {
    loops.stop();
  }

  public EmbeddedMonitor.Summary run() throws InterruptedException {
    return loops.run();
  }
}
