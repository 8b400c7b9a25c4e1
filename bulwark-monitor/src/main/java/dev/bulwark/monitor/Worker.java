package dev.bulwark.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Judges queued versions: take a delivery, look up the package's previous verdict, judge, store
 * the verdict, and only then ack. A transient failure is retried; after {@code maxAttempts} the
 * version gets an {@code error} verdict (so it still has exactly one) and goes to the dead
 * letter. The queue counts an attempt durably before handing it out, so a version whose every
 * attempt dies with the worker process (kill -9, out of memory) is given up on too: a delivery
 * past {@code maxAttempts} is not judged again. Knows nothing about the transport.
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
    return step(max, wait, r -> { });
  }

  /** As {@link #step(int, Duration)}, telling {@code stored} of each verdict stored. */
  public int step(int max, Duration wait, Consumer<VerdictRecord> stored)
      throws StoreException, InterruptedException {
    List<VersionQueue.Delivery> ds = queue.poll(max, wait);
    for (VersionQueue.Delivery d : ds) {
      handle(d, stored);
    }
    return ds.size();
  }

  void handle(VersionQueue.Delivery d, Consumer<VerdictRecord> stored)
      throws StoreException, InterruptedException {
    try {
      judgeAndStore(d, stored);
    } catch (StoreException e) {
      // Release the delivery so that it is tried again; the store may come back.
      try {
        queue.retry(d, e.getMessage());
      } catch (StoreException ignored) {
        // The queue is down too: a restart redelivers everything not acked.
      }
      throw e;
    }
  }

  private void judgeAndStore(VersionQueue.Delivery d, Consumer<VerdictRecord> stored)
      throws StoreException, InterruptedException {
    VersionEvent e = d.event();
    if (d.attempt() > maxAttempts) {
      // The queue counted every earlier attempt before it began, and none of them ended: each
      // died with its process (a version that kills workers). Judging it again would kill this
      // one too.
      giveUp(d, "no attempt finished (each ended with its worker process)", d.attempt() - 1,
          stored);
      return;
    }
    Optional<VerdictRecord> previous = store.previous(e.key().ecosystem(), e.key().name(),
        e.key().version(), e.published());
    VerdictRecord verdict;
    try {
      verdict = judge.judge(e, previous);
    } catch (Judge.TransientFailure f) {
      giveUpOrRetry(d, f.getMessage(), stored);
      return;
    } catch (RuntimeException f) {
      giveUpOrRetry(d, "internal error: " + f, stored);
      return;
    }
    store.upsert(verdict);
    queue.ack(d);
    stored.accept(verdict);
  }

  private void giveUpOrRetry(VersionQueue.Delivery d, String reason, Consumer<VerdictRecord> stored)
      throws StoreException {
    if (d.attempt() < maxAttempts) {
      queue.retry(d, reason);
      return;
    }
    giveUp(d, reason, d.attempt(), stored);
  }

  private void giveUp(VersionQueue.Delivery d, String reason, int attempts,
      Consumer<VerdictRecord> stored) throws StoreException {
    String why = "gave up after " + attempts + " attempts: " + reason;
    VerdictRecord error = VerdictRecord.error(d.event(), why, clock.instant());
    store.upsert(error);
    queue.deadLetter(d, why);
    stored.accept(error);
  }
}
