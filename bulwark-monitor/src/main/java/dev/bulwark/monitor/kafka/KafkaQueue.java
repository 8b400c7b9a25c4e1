package dev.bulwark.monitor.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.monitor.Attempts;
import dev.bulwark.monitor.MonitorJson;
import dev.bulwark.monitor.StoreException;
import dev.bulwark.monitor.VersionEvent;
import dev.bulwark.monitor.VersionQueue;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;

/**
 * The {@link VersionQueue} on Kafka: the versions topic keyed by {@code ecosystem:name}, so that
 * the versions of one package share a partition and keep their order.
 *
 * <p>Publishing (the follower) goes through an idempotent {@code acks=all} producer and returns
 * only when the broker acknowledged every message. Consuming (a worker) is one group member per
 * instance: offsets are committed by hand in {@link #ack}, which the worker calls only after the
 * verdict is in PostgreSQL; so a worker killed mid-batch leaves its message uncommitted and
 * another member judges it again (the upsert keeps one row). A partition has at most one
 * delivery in flight. {@link #retry} rewinds the partition to the message and pauses it for a
 * backoff; {@link #deadLetter} writes the message to the dead-letter topic, then commits past
 * it. Attempt counts are kept by an {@link Attempts} store (PostgreSQL in the distributed mode),
 * counted before the delivery is handed out, so a message whose every attempt kills its worker
 * process still reaches the dead letter after {@code maxAttempts}.
 *
 * <p>The producer side is thread-safe; the consumer side belongs to one worker thread.
 */
public final class KafkaQueue implements VersionQueue, AutoCloseable {
  private static final ObjectMapper M = new ObjectMapper();
  private static final long SEND_TIMEOUT_S = 150;

  private final KafkaSettings s;
  private final Producer<String, String> producer;
  private final Topics topics;
  private final Clock clock;
  private final String clientId;
  private Consumer<String, String> consumer;
  private final Deque<ConsumerRecord<String, String>> buffer = new ArrayDeque<>();
  private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
  private final Set<TopicPartition> inFlight = new HashSet<>();
  private final Map<Long, ConsumerRecord<String, String>> deliveries = new HashMap<>();
  private final Attempts attempts;
  private long nextId = 1;

  /**
   * @param producer shared by the queues of one process (thread-safe)
   * @param topics for {@link #pending()}
   * @param clientId names this member in the group (logs, broker metrics)
   * @param attempts where deliveries are counted (durably, to survive a killed worker)
   */
  public KafkaQueue(KafkaSettings s, Producer<String, String> producer, Topics topics,
      Clock clock, String clientId, Attempts attempts) {
    this.attempts = attempts;
    this.s = s;
    this.producer = producer;
    this.topics = topics;
    this.clock = clock;
    this.clientId = clientId;
  }

  @Override
  public void publish(List<VersionEvent> events) throws StoreException {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    try {
      for (VersionEvent e : events) {
        sent.add(producer.send(new ProducerRecord<>(s.versionsTopic(), e.key().queueKey(),
            MonitorJson.event(e))));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        f.get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new StoreException("kafka " + s.bootstrap() + ": queueing " + events.size()
          + " versions: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while queueing versions", e);
    }
  }

  @Override
  public List<Delivery> poll(int max, Duration wait) throws StoreException, InterruptedException {
    Consumer<String, String> c = consumer();
    resumeDue(c);
    List<Delivery> out = new ArrayList<>();
    take(max, out);
    if (out.isEmpty()) {
      try {
        for (ConsumerRecord<String, String> r : c.poll(wait)) {
          buffer.add(r);
        }
      } catch (KafkaException e) {
        throw new StoreException("kafka " + s.bootstrap() + ": polling: " + e.getMessage(), e);
      }
      take(max, out);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    return out;
  }

  private void take(int max, List<Delivery> out) throws StoreException {
    Iterator<ConsumerRecord<String, String>> it = buffer.iterator();
    while (it.hasNext() && out.size() < max) {
      ConsumerRecord<String, String> r = it.next();
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      if (inFlight.contains(tp) || pausedUntil.containsKey(tp)) {
        continue;
      }
      VersionEvent e;
      try {
        e = MonitorJson.event(r.value());
      } catch (MonitorJson.DecodeException ex) {
        // Nothing to judge: keep the bytes in the dead letter and move the partition on.
        it.remove();
        sendDeadLetter(r.key(), rawDeadLetter(r.value(), ex.getMessage()));
        commit(tp, r.offset());
        continue;
      }
      // Counted durably before the work, so a version that kills its worker is not retried
      // forever. When the count cannot be written, the message stays buffered for the next poll.
      int attempt = attempts.begin(messageId(r));
      it.remove();
      long id = nextId++;
      deliveries.put(id, r);
      inFlight.add(tp);
      out.add(new Delivery(id, e, attempt));
    }
  }

  private void resumeDue(Consumer<String, String> c) {
    long now = clock.millis();
    List<TopicPartition> due = new ArrayList<>();
    pausedUntil.forEach((tp, until) -> {
      if (until <= now) {
        due.add(tp);
      }
    });
    if (!due.isEmpty()) {
      due.forEach(pausedUntil::remove);
      Set<TopicPartition> assigned = c.assignment();
      c.resume(due.stream().filter(assigned::contains).toList());
    }
  }

  @Override
  public void ack(Delivery d) throws StoreException {
    ConsumerRecord<String, String> r = finish(d);
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    commit(tp, r.offset());
    forgetAttempts(r);
  }

  @Override
  public void retry(Delivery d, String reason) throws StoreException {
    ConsumerRecord<String, String> r = finish(d);
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    rewind(tp, r.offset());
    // Backoff: 1 s, 2 s, 4 s … capped at one minute, as the embedded queue.
    long delay = Math.min(60_000L, 1000L << Math.min(16, Math.max(0, d.attempt() - 1)));
    pausedUntil.put(tp, clock.millis() + delay);
    try {
      consumer().pause(List.of(tp));
    } catch (IllegalStateException e) {
      // No longer assigned: the new owner reads it from the last commit.
      pausedUntil.remove(tp);
    }
  }

  @Override
  public void deadLetter(Delivery d, String reason) throws StoreException {
    ConsumerRecord<String, String> r = finish(d);
    ObjectNode n = M.createObjectNode();
    try {
      n.set("event", M.readTree(r.value()));
    } catch (IOException e) {
      n.put("raw", r.value());
    }
    n.put("attempts", d.attempt());
    n.put("reason", reason);
    sendDeadLetter(r.key(), n.toString());
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    commit(tp, r.offset());
    forgetAttempts(r);
  }

  /** {@code topic/partition@offset}: what {@link Attempts} counts. */
  static String messageId(ConsumerRecord<String, String> r) {
    return r.topic() + "/" + r.partition() + "@" + r.offset();
  }

  private void forgetAttempts(ConsumerRecord<String, String> r) {
    try {
      attempts.clear(messageId(r));
    } catch (StoreException e) {
      // A stale count of a committed message is never read again (offsets only grow).
    }
  }

  private ConsumerRecord<String, String> finish(Delivery d) throws StoreException {
    ConsumerRecord<String, String> r = deliveries.remove(d.id());
    if (r == null) {
      throw new StoreException("kafka: delivery " + d.id() + " of " + d.event().key()
          + " is not in flight here");
    }
    inFlight.remove(new TopicPartition(r.topic(), r.partition()));
    return r;
  }

  /** Drops what was fetched after {@code offset} and reads the partition again from it. */
  private void rewind(TopicPartition tp, long offset) {
    buffer.removeIf(x -> x.partition() == tp.partition() && x.topic().equals(tp.topic()));
    try {
      consumer().seek(tp, offset);
    } catch (IllegalStateException e) {
      // Revoked meanwhile: the new owner starts from the last committed offset.
    }
  }

  private void commit(TopicPartition tp, long offset) throws StoreException {
    try {
      consumer().commitSync(Map.of(tp, new OffsetAndMetadata(offset + 1)), Duration.ofSeconds(30));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partition moved to another member, which will deliver the message again; the
      // verdict upsert makes that harmless.
      rewind(tp, offset + 1);
    } catch (KafkaException e) {
      throw new StoreException("kafka " + s.bootstrap() + ": committing " + tp + "@" + offset
          + ": " + e.getMessage(), e);
    }
  }

  private void sendDeadLetter(String key, String value) throws StoreException {
    try {
      producer.send(new ProducerRecord<>(s.deadLetterTopic(), key, value))
          .get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new StoreException("kafka " + s.bootstrap() + ": writing the dead letter: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while writing a dead letter", e);
    }
  }

  private static String rawDeadLetter(String value, String reason) {
    ObjectNode n = M.createObjectNode();
    n.put("raw", value);
    n.put("attempts", 0);
    n.put("reason", reason);
    return n.toString();
  }

  @Override
  public long pending() throws StoreException {
    return topics.lag();
  }

  /** Reads the dead-letter topic from its start (for reports and tests). */
  @Override
  public List<DeadLetter> deadLetters() throws StoreException {
    List<DeadLetter> out = new ArrayList<>();
    try (Consumer<String, String> r = Clients.reader(s)) {
      List<TopicPartition> tps = r.partitionsFor(s.deadLetterTopic(), Duration.ofSeconds(30))
          .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      r.assign(tps);
      r.seekToBeginning(tps);
      Map<TopicPartition, Long> end = r.endOffsets(tps, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!reached(r, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> x : r.poll(Duration.ofMillis(500))) {
          try {
            JsonNode n = M.readTree(x.value());
            if (n.has("event")) {
              out.add(new DeadLetter(MonitorJson.event(n.get("event").toString()),
                  n.path("attempts").asInt(), n.path("reason").asText()));
            }
          } catch (IOException | MonitorJson.DecodeException e) {
            // An undecodable dead letter has no event to show; it stays in the topic.
          }
        }
      }
      return out;
    } catch (KafkaException e) {
      throw new StoreException("kafka " + s.bootstrap() + ": reading the dead letters: "
          + e.getMessage(), e);
    }
  }

  private static boolean reached(Consumer<String, String> r, Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (r.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private Consumer<String, String> consumer() {
    if (consumer == null) {
      consumer = Clients.consumer(s, clientId);
      consumer.subscribe(List.of(s.versionsTopic()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
          forget(parts);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> parts) {
          forget(parts);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {}
      });
    }
    return consumer;
  }

  private void forget(Collection<TopicPartition> parts) {
    Set<TopicPartition> gone = new HashSet<>(parts);
    buffer.removeIf(r -> gone.contains(new TopicPartition(r.topic(), r.partition())));
    gone.forEach(pausedUntil::remove);
  }

  /** Leaves the group (its partitions move at once, not after the session timeout). */
  @Override
  public void close() {
    if (consumer != null) {
      try {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
      } catch (KafkaException e) {
        // Closing is best effort; uncommitted messages are redelivered.
      }
      consumer = null;
    }
  }
}
