package dev.bulwark.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Judges queued versions: take a delivery, look up the package's previous verdict, judge, store
 * the verdict, and only then ack. A transient failure is retried; after {@code maxAttempts} the
 * version gets an {@code error} verdict (so it still has exactly one) and goes to the dead
 * letter. Knows nothing about the transport.
 */
public final class Worker {
  private final VersionQueue queue;
  private final VerdictStore store;
  private final Judge judge;
  private final Clock clock;
  private final int maxAttempts;

  public Worker(VersionQueue queue, VerdictStore store, Judge judge, Clock clock,
      int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.queue = queue;
    this.store = store;
    this.judge = judge;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  /** Handles what one poll returns; the number of deliveries handled (0 when idle). */
  public int step(int max, Duration wait) throws StoreException, InterruptedException {
    List<VersionQueue.Delivery> ds = queue.poll(max, wait);
    for (VersionQueue.Delivery d : ds) {
      handle(d);
    }
    return ds.size();
  }

  void handle(VersionQueue.Delivery d) throws StoreException, InterruptedException {
    VersionEvent e = d.event();
    Optional<VerdictRecord> previous = store.previous(e.key().ecosystem(), e.key().name(),
        e.key().version(), e.published());
    VerdictRecord verdict;
    try {
      verdict = judge.judge(e, previous);
    } catch (Judge.TransientFailure f) {
      giveUpOrRetry(d, f.getMessage());
      return;
    } catch (RuntimeException f) {
      giveUpOrRetry(d, "internal error: " + f);
      return;
    }
    store.upsert(verdict);
    queue.ack(d);
  }

  private void giveUpOrRetry(VersionQueue.Delivery d, String reason) throws StoreException {
    if (d.attempt() < maxAttempts) {
      queue.retry(d, reason);
      return;
    }
    String why = "gave up after " + d.attempt() + " attempts: " + reason;
    store.upsert(VerdictRecord.error(d.event(), why, clock.instant()));
    queue.deadLetter(d, why);
  }
}
