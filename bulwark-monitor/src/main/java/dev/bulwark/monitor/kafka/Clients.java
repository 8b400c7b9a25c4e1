package dev.bulwark.monitor.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka clients the monitor uses, with the settings its guarantees rest on. */
public final class Clients {
  private Clients() {}

  /**
   * An idempotent producer that waits for every in-sync replica ({@code acks=all}): a send whose
   * future completed is durable, and the broker drops the duplicates of its own retries.
   */
  public static Producer<String, String> producer(KafkaSettings s, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /**
   * A consumer of the workers' group with offsets committed by hand only (after the verdict is
   * in PostgreSQL); a new group starts at the beginning of the topic.
   */
  static Consumer<String, String> consumer(KafkaSettings s, String clientId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    // A judgement may take a download timeout plus a scan; the poll loop must outlast it.
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
    int session = (int) s.sessionTimeout().toMillis();
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(500, session / 4));
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  /** A consumer outside any group, for reading a topic from the start (dead letters). */
  static Consumer<String, String> reader(KafkaSettings s) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bulwark-monitor-reader");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}
