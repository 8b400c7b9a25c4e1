package dev.bulwark.monitor;

/**
 * Durable attempt counts of queued messages, for a queue whose broker keeps none (Kafka): a
 * message is counted before a worker begins it, so the count survives the worker's process.
 */
public interface Attempts {
  /** Counts one more attempt of {@code message} and returns the count (1 on the first). */
  int begin(String message) throws StoreException;

  /** Forgets {@code message}: it was acked or dead-lettered. */
  void clear(String message) throws StoreException;
}
