package dev.bulwark.monitor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded monitor as a child process for the kill -9 test:
 * {@code MonitorChild STATE CHANGES_URL until-idle|forever WORKERS}.
 */
public final class MonitorChild {
  private MonitorChild() {}

  public static void main(String[] args) throws Exception {
    MonitorConfig c = MonitorConfig.of(Path.of(args[0]), Optional.of(args[1]), Optional.empty())
        .withFromBeginning(true).withUntilIdle(args[2].equals("until-idle"))
        .withWorkers(Integer.parseInt(args[3])).withBatch(5)
        .withPolling(Duration.ofMillis(50), new FeedHttp.Retry(6, Duration.ofMillis(100),
            Duration.ofSeconds(1)));
    try (Embedded.Running r = Embedded.build(c, EngineScan.defaults(List.of(), List.of()),
        Clock.systemUTC(), Sleeper.real(), new EmbeddedMonitor.Listener() {})) {
      EmbeddedMonitor.Summary s = r.monitor().run();
      System.out.println("judged " + s.judged());
    }
  }
}
