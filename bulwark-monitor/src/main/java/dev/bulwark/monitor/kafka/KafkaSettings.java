package dev.bulwark.monitor.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the distributed monitor talks to Kafka.
 *
 * @param bootstrap {@code HOST:PORT} of one or more brokers ({@code --kafka})
 * @param topicPrefix prefix of the three topics ({@code PREFIX.versions}, {@code .verdicts},
 *     {@code .dead-letter})
 * @param group the workers' consumer group
 * @param partitions partitions of the versions topic when this process creates it (the most
 *     worker threads that can share the load)
 * @param sessionTimeout how long a silent worker (killed, frozen) keeps its partitions
 */
public record KafkaSettings(String bootstrap, String topicPrefix, String group, int partitions,
    Duration sessionTimeout) {
  public KafkaSettings {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
  }

  public static KafkaSettings defaults(String bootstrap) {
    return new KafkaSettings(bootstrap, "bulwark.monitor", "bulwark-monitor-workers", 12,
        Duration.ofSeconds(10));
  }

  public KafkaSettings withTopicPrefix(String p) {
    return new KafkaSettings(bootstrap, p, group, partitions, sessionTimeout);
  }

  public KafkaSettings withGroup(String g) {
    return new KafkaSettings(bootstrap, topicPrefix, g, partitions, sessionTimeout);
  }

  public KafkaSettings withPartitions(int n) {
    return new KafkaSettings(bootstrap, topicPrefix, group, n, sessionTimeout);
  }

  public KafkaSettings withSessionTimeout(Duration d) {
    return new KafkaSettings(bootstrap, topicPrefix, group, partitions, d);
  }

  public String versionsTopic() {
    return topicPrefix + ".versions";
  }

  public String verdictsTopic() {
    return topicPrefix + ".verdicts";
  }

  public String deadLetterTopic() {
    return topicPrefix + ".dead-letter";
  }
}
