package dev.bulwark.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The durable queue of versions to judge, keyed by {@link VersionKey#queueKey()}.
 *
 * <p>Contract, for every implementation:
 *
 * <ul>
 *   <li>{@link #publish} returns only when the events are durable.
 *   <li>At least once: a delivery that is neither acked nor dead-lettered is delivered again
 *       (after a crash, or after {@link #retry}).
 *   <li>Per-key order: two versions with the same key are never in flight at the same time, and
 *       are delivered in publish order.
 *   <li>{@link #ack} is called only after the verdict is in the {@link VerdictStore}.
 *   <li>Attempts are counted durably before a delivery is handed out: a delivery's
 *       {@code attempt} counts every earlier delivery of the same message, including those whose
 *       process died before it could ack, retry or dead-letter them.
 * </ul>
 */
public interface VersionQueue {
  /** One delivery of one event. {@code attempt} counts from 1, across process restarts. */
  record Delivery(long id, VersionEvent event, int attempt) {
    public Delivery {
      Objects.requireNonNull(event, "event");
    }
  }

  /** A message that failed too often. */
  record DeadLetter(VersionEvent event, int attempts, String reason) {}

  void publish(List<VersionEvent> events) throws StoreException;

  /** Up to {@code max} deliveries, waiting up to {@code wait} when none is ready. */
  List<Delivery> poll(int max, Duration wait) throws StoreException, InterruptedException;

  /** Done with this delivery: the verdict is stored. */
  void ack(Delivery d) throws StoreException;

  /** Could not be handled this time: deliver again later. */
  void retry(Delivery d, String reason) throws StoreException;

  /** Give up on this delivery: it goes to the dead letter and its key moves on. */
  void deadLetter(Delivery d, String reason) throws StoreException;

  /** Messages not yet acked or dead-lettered (in flight included). */
  long pending() throws StoreException;

  List<DeadLetter> deadLetters() throws StoreException;
}
