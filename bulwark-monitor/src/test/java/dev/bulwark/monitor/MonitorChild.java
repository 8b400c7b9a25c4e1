package dev.bulwark.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The embedded monitor as a child process for the kill -9 test:
 * {@code MonitorChild STATE CHANGES_URL until-idle|forever WORKERS [POISON MARKER]}. With
 * POISON, judging a package of that name touches the file MARKER and hangs (the test kills the
 * process there, as a version that crashes its worker would).
 */
public final class MonitorChild {
  private MonitorChild() {}

  public static void main(String[] args) throws Exception {
    MonitorConfig c = MonitorConfig.of(Path.of(args[0]), Optional.of(args[1]), Optional.empty())
        .withFromBeginning(true).withUntilIdle(args[2].equals("until-idle"))
        .withWorkers(Integer.parseInt(args[3])).withBatch(5)
        .withPolling(Duration.ofMillis(50), new FeedHttp.Retry(6, Duration.ofMillis(100),
            Duration.ofSeconds(1)));
    UnaryOperator<Judge> wrap = args.length < 6 ? UnaryOperator.identity()
        : j -> (e, prev) -> {
          if (e.key().name().equals(args[4])) {
            try {
              Files.writeString(Path.of(args[5]), e.key().toString());
            } catch (java.io.IOException x) {
              throw new java.io.UncheckedIOException(x);
            }
            Thread.sleep(Long.MAX_VALUE);
          }
          return j.judge(e, prev);
        };
    try (Embedded.Running r = Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
        Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {}, wrap)) {
      EmbeddedMonitor.Summary s = r.monitor().run();
      System.out.println("judged " + s.judged());
    }
  }
}
