package dev.bulwark.monitor.kafka;

import dev.bulwark.monitor.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Admin work: creates the three topics when missing, and measures the workers' lag (messages of
 * the versions topic not yet committed by the group), which is the queue's {@code pending()}.
 */
public final class Topics implements AutoCloseable {
  private static final long TIMEOUT_S = 30;
  private final Admin admin;
  private final KafkaSettings s;

  private Topics(Admin admin, KafkaSettings s) {
    this.admin = admin;
    this.s = s;
  }

  public static Topics connect(KafkaSettings s) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "bulwark-monitor-admin");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return new Topics(Admin.create(p), s);
  }

  /** Creates the versions, verdicts and dead-letter topics unless they exist. */
  public void ensure() throws StoreException {
    Map<String, NewTopic> want = new HashMap<>();
    want.put(s.versionsTopic(), new NewTopic(s.versionsTopic(), Optional.of(s.partitions()),
        Optional.empty()));
    want.put(s.verdictsTopic(), new NewTopic(s.verdictsTopic(), Optional.of(s.partitions()),
        Optional.empty()));
    want.put(s.deadLetterTopic(), new NewTopic(s.deadLetterTopic(), Optional.of(1),
        Optional.empty()));
    try {
      Set<String> have = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
      List<NewTopic> create = new ArrayList<>();
      want.forEach((name, t) -> {
        if (!have.contains(name)) {
          create.add(t);
        }
      });
      if (create.isEmpty()) {
        return;
      }
      for (var f : admin.createTopics(create).values().values()) {
        try {
          f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new StoreException("kafka " + s.bootstrap() + ": cannot create the monitor topics: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while creating topics", e);
    }
  }

  /** Messages of the versions topic the group has not committed yet. */
  public long lag() throws StoreException {
    try {
      TopicDescription d = admin.describeTopics(List.of(s.versionsTopic())).allTopicNames()
          .get(TIMEOUT_S, TimeUnit.SECONDS).get(s.versionsTopic());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      d.partitions().forEach(p -> {
        TopicPartition tp = new TopicPartition(s.versionsTopic(), p.partition());
        latest.put(tp, OffsetSpec.latest());
        earliest.put(tp, OffsetSpec.earliest());
      });
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
          admin.listOffsets(earliest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(s.group())
          .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
      long lag = 0;
      for (var e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        long from = c != null ? c.offset() : starts.get(e.getKey()).offset();
        lag += Math.max(0, e.getValue().offset() - from);
      }
      return lag;
    } catch (ExecutionException | TimeoutException e) {
      throw new StoreException("kafka " + s.bootstrap() + ": cannot measure the lag: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while measuring the lag", e);
    }
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
