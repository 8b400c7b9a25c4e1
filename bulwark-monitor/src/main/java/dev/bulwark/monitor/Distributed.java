package dev.bulwark.monitor;

import dev.bulwark.monitor.kafka.Clients;
import dev.bulwark.monitor.kafka.KafkaQueue;
import dev.bulwark.monitor.kafka.KafkaSettings;
import dev.bulwark.monitor.kafka.Topics;
import dev.bulwark.monitor.postgres.PgState;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds the distributed mode ({@code bulwark monitor --kafka HOST:PORT --postgres JDBC-URL
 * --role follower|worker|all}) from a {@link MonitorConfig}: the same followers, judge and
 * worker as the embedded mode, over Kafka (queue, verdicts topic, dead letters) and PostgreSQL
 * (cursors, queued versions, verdicts, findings).
 */
public final class Distributed {
  private Distributed() {}

  /** What this process runs. */
  public enum Role {
    FOLLOWER, WORKER, ALL;

    public static Optional<Role> parse(String s) {
      return switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "follower" -> Optional.of(FOLLOWER);
        case "worker" -> Optional.of(WORKER);
        case "all" -> Optional.of(ALL);
        default -> Optional.empty();
      };
    }

    boolean follows() {
      return this != WORKER;
    }

    boolean works() {
      return this != FOLLOWER;
    }
  }

  /**
   * @param kafka the broker and topics ({@code --kafka})
   * @param postgres the results database ({@code --postgres JDBC-URL})
   * @param role what this process runs ({@code --role})
   */
  public record Options(KafkaSettings kafka, String postgres, Role role) {
    public Options {
      Objects.requireNonNull(kafka, "kafka");
      Objects.requireNonNull(postgres, "postgres");
      Objects.requireNonNull(role, "role");
    }

    public Options withRole(Role r) {
      return new Options(kafka, postgres, r);
    }
  }

  /**
   * Decorators of the feeds and of the judge: identity in production; the fault tests and the
   * benchmark use them to stop a follower between fetch and publish or to slow a worker down.
   */
  public record Hooks(UnaryOperator<FeedSource> feeds, UnaryOperator<Judge> judges) {
    public Hooks {
      Objects.requireNonNull(feeds, "feeds");
      Objects.requireNonNull(judges, "judges");
    }

    public static Hooks none() {
      return new Hooks(UnaryOperator.identity(), UnaryOperator.identity());
    }
  }

  /** A built, not yet running, distributed process; close it after {@link #monitor()} ran. */
  public record Running(DistributedMonitor monitor, PgState pg, Topics topics,
      Producer<String, String> producer, int workers, KafkaSettings kafka)
      implements AutoCloseable {
    /** The dead-letter topic from its start. */
    public List<VersionQueue.DeadLetter> deadLetters() throws StoreException {
      return new KafkaQueue(kafka, producer, topics, Clock.systemUTC(), "bulwark-monitor-reader",
          pg.attempts())
          .deadLetters();
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(10));
      topics.close();
      pg.close();
    }
  }

  /**
   * Connects to both services (creating the topics and migrating the schema when needed) and
   * wires the role. {@code c.state()} is the work folder for downloaded artifacts; {@code
   * c.workers()} the worker threads (each a group member).
   */
  public static Running build(MonitorConfig c, Options o, EngineScan engine, Clock clock,
      Sleeper sleeper, EmbeddedMonitor.Listener listener) throws StoreException {
    return build(c, o, engine, clock, sleeper, listener, Hooks.none());
  }

  /** As {@link #build(MonitorConfig, Options, EngineScan, Clock, Sleeper,
   * EmbeddedMonitor.Listener)}, with the feeds and the judge decorated. */
  public static Running build(MonitorConfig c, Options o, EngineScan engine, Clock clock,
      Sleeper sleeper, EmbeddedMonitor.Listener listener, Hooks hooks) throws StoreException {
    if (o.role().follows() && !c.hasFeed()) {
      throw new IllegalArgumentException("no feed to follow: give --npm-changes, --pypi-changes"
          + " or --pypi-rss"
          + " (or --role worker)");
    }
    int workers = o.role().works()
        ? engine.workersThatFit(c.workers())
        : 0;
    PgState pg = PgState.open(o.postgres(), Math.max(2, workers + 1));
    Topics topics = Topics.connect(o.kafka());
    Producer<String, String> producer = Clients.producer(o.kafka(),
        "bulwark-monitor-" + ProcessHandle.current().pid());
    try {
      topics.ensure();
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(15)).build();
      FeedHttp feedHttp = new FeedHttp(http, sleeper, c.retry(), Duration.ofSeconds(60));
      KafkaQueue publisher = new KafkaQueue(o.kafka(), producer, topics, Clock.systemUTC(),
          "bulwark-monitor-follower", pg.attempts());
      List<DistributedMonitor.Follower> followers = new ArrayList<>();
      Set<String> hosts = new HashSet<>();
      if (c.npmChanges().isPresent()) {
        String registry = c.npmRegistry().orElse(c.npmChanges().get());
        hosts.add(Embedded.host(registry));
        if (o.role().follows()) {
          FeedSource npm = hooks.feeds().apply(new NpmFeed(c.npmChanges().get(), registry,
              feedHttp, c.batch()));
          followers.add(new DistributedMonitor.Follower(new FeedFollower(npm, pg.cursors(),
              publisher, clock, c.fromBeginning()), pg.followerLock(npm.name())));
        }
      }
      Optional<FeedSource> pypiFeed = o.role().follows()
          ? c.pypiFeed(feedHttp, Clock.systemUTC()) : Optional.empty();
      if (pypiFeed.isPresent()) {
        FeedSource pypi = hooks.feeds().apply(pypiFeed.get());
        followers.add(new DistributedMonitor.Follower(new FeedFollower(pypi, pg.cursors(),
            publisher, clock, c.fromBeginning()), pg.followerLock(pypi.name())));
      }
      hosts.remove("");
      List<DistributedMonitor.WorkerSlot> slots = new ArrayList<>();
      Path tmp = c.state().resolve("tmp");
      for (int i = 0; i < workers; i++) {
        Judge judge = hooks.judges().apply(new ArtifactJudge(http, engine, tmp, clock,
            c.maxArtifactBytes(), c.downloadTimeout(), hosts, c.retry(), sleeper));
        // Retry backoff in the queue is wall-clock time whatever clock stamps the verdicts.
        KafkaQueue q = new KafkaQueue(o.kafka(), producer, topics, Clock.systemUTC(),
            "bulwark-monitor-" + ProcessHandle.current().pid() + "-" + i, pg.attempts());
        slots.add(new DistributedMonitor.WorkerSlot(
            new Worker(q, pg.verdicts(), judge, clock, c.maxAttempts()), q));
      }
      String verdicts = o.kafka().verdictsTopic();
      DistributedMonitor m = new DistributedMonitor(followers, slots, topics,
          new EmbeddedMonitor.Options(workers, c.untilIdle(), c.pollInterval(),
              c.retry().attempts()),
          listener,
          // The verdicts topic is a notification for subscribers; PostgreSQL is the record.
          r -> producer.send(new ProducerRecord<>(verdicts, r.key().queueKey(),
              MonitorJson.verdict(r))),
          sleeper);
      if (workers > 0) {
        Embedded.clean(tmp);
      }
      return new Running(m, pg, topics, producer, workers, o.kafka());
    } catch (StoreException | RuntimeException e) {
      producer.close(Duration.ofSeconds(1));
      topics.close();
      pg.close();
      throw e;
    }
  }

  /** The results database alone, for {@code bulwark monitor results --postgres}. */
  public static PgState results(String jdbcUrl) throws StoreException {
    return PgState.open(jdbcUrl, 1);
  }
}
