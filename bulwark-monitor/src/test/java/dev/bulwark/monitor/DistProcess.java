package dev.bulwark.monitor;

import dev.bulwark.monitor.kafka.KafkaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One distributed-mode process for the fault tests, started in its own JVM so that it can be
 * killed with -9: {@code key=value} arguments (kafka, postgres, role, npm, prefix, workers, state,
 * until-idle, judge-delay-ms, halt-after-fetch). {@code halt-after-fetch=FILE}: after the first
 * poll that fetched versions, touch FILE and wait forever before publishing them.
 * {@code poison=NAME marker=FILE}: judging a package of that name touches FILE and hangs (the
 * test kills the process there).
 */
final class DistProcess {
  private DistProcess() {}

  static Distributed.Options options(String kafka, String postgres, String prefix,
      Distributed.Role role) {
    return new Distributed.Options(KafkaSettings.defaults(kafka).withTopicPrefix(prefix)
        .withGroup(prefix + ".workers").withPartitions(4)
        .withSessionTimeout(Duration.ofSeconds(6)), postgres, role);
  }

  static MonitorConfig config(Path state, String npm, boolean untilIdle, int workers) {
    return MonitorConfig.of(state, Optional.of(npm), Optional.empty()).withFromBeginning(true)
        .withUntilIdle(untilIdle).withWorkers(workers).withBatch(4)
        .withPolling(Duration.ofMillis(200), new FeedHttp.Retry(4, Duration.ofMillis(100),
            Duration.ofSeconds(1)));
  }

  static Distributed.Hooks hooks(long judgeDelayMs, Optional<Path> haltAfterFetch) {
    return hooks(judgeDelayMs, haltAfterFetch, Optional.empty(), Path.of("unused"));
  }

  static Distributed.Hooks hooks(long judgeDelayMs, Optional<Path> haltAfterFetch,
      Optional<String> poison, Path marker) {
    UnaryOperator<Judge> judges = j -> (e, prev) -> {
      if (poison.isPresent() && e.key().name().equals(poison.get())) {
        try {
          Files.writeString(marker, e.key().toString());
        } catch (java.io.IOException x) {
          throw new java.io.UncheckedIOException(x);
        }
        Thread.sleep(Long.MAX_VALUE);
      }
      if (judgeDelayMs > 0) {
        Thread.sleep(judgeDelayMs);
      }
      return j.judge(e, prev);
    };
    UnaryOperator<FeedSource> feeds = f -> haltAfterFetch.isEmpty() ? f : new FeedSource() {
      @Override
      public String name() {
        return f.name();
      }

      @Override
      public Cursor start(boolean fromBeginning, Instant now)
          throws FeedException, InterruptedException {
        return f.start(fromBeginning, now);
      }

      @Override
      public FeedBatch poll(Cursor cursor) throws FeedException, InterruptedException {
        FeedBatch b = f.poll(cursor);
        if (!b.events().isEmpty()) {
          try {
            Files.writeString(haltAfterFetch.get(), b.events().size() + "\n");
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          Thread.sleep(Long.MAX_VALUE);
        }
        return b;
      }
    };
    return new Distributed.Hooks(feeds, judges);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String s : args) {
      int eq = s.indexOf('=');
      a.put(s.substring(0, eq), s.substring(eq + 1));
    }
    Distributed.Role role = Distributed.Role.parse(a.get("role")).orElseThrow();
    MonitorConfig c = config(Path.of(a.get("state")), a.get("npm"),
        Boolean.parseBoolean(a.getOrDefault("until-idle", "false")),
        Integer.parseInt(a.getOrDefault("workers", "1")));
    EngineScan engine = EngineScan.defaults(List.of(), List.of());
    try (Distributed.Running r = Distributed.build(c, options(a.get("kafka"), a.get("postgres"),
            a.get("prefix"), role), engine, Clock.systemUTC(), Sleeper.real(),
        new EmbeddedMonitor.Listener() {
          @Override
          public void judged(VerdictRecord v) {
            System.out.println("judged " + v.key() + " " + v.verdict().jsonName());
          }

          @Override
          public void feedError(String feed, String message) {
            System.out.println("feed " + feed + ": " + message);
          }

          @Override
          public void storeError(String message) {
            System.out.println("store: " + message);
          }
        }, hooks(Long.parseLong(a.getOrDefault("judge-delay-ms", "0")),
            Optional.ofNullable(a.get("halt-after-fetch")).map(Path::of),
            Optional.ofNullable(a.get("poison")), Path.of(a.getOrDefault("marker", "unused"))))) {
      System.out.println("started " + role);
      r.monitor().run();
    }
    System.exit(0);
  }
}
