package dev.bulwark.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds and runs the embedded mode from a {@link MonitorConfig}. */
public final class Embedded {
  private Embedded() {}

  /** A built, not yet running, embedded monitor; close it after {@link EmbeddedMonitor#run()}. */
  public record Running(EmbeddedMonitor monitor, SqliteState state, int workers)
      implements AutoCloseable {
    @Override
    public void close() {
      state.close();
    }
  }

  public static Running build(MonitorConfig c, EngineScan engine, Clock clock, Sleeper sleeper,
      EmbeddedMonitor.Listener listener) throws StoreException {
    return build(c, engine, clock, sleeper, listener, UnaryOperator.identity());
  }

  /** As above, with the judge wrapped (benchmarks measure each judgement's CPU time). */
  public static Running build(MonitorConfig c, EngineScan engine, Clock clock, Sleeper sleeper,
      EmbeddedMonitor.Listener listener, UnaryOperator<Judge> wrap) throws StoreException {
    if (!c.hasFeed()) {
      throw new IllegalArgumentException("no feed to follow: give --npm-changes, --pypi-changes"
          + " or --pypi-rss");
    }
    // Retry backoff in the queue is wall-clock time whatever clock stamps the verdicts.
    SqliteState state = SqliteState.open(c.state(), Clock.systemUTC());
    Path tmp = c.state().resolve("tmp");
    clean(tmp);
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(15)).build();
    FeedHttp feedHttp = new FeedHttp(http, sleeper, c.retry(), Duration.ofSeconds(60));
    List<FeedFollower> followers = new ArrayList<>();
    Set<String> hosts = new HashSet<>();
    if (c.npmChanges().isPresent()) {
      String registry = c.npmRegistry().orElse(c.npmChanges().get());
      hosts.add(host(registry));
      followers.add(new FeedFollower(new NpmFeed(c.npmChanges().get(), registry, feedHttp,
          c.batch()), state.cursors(), state.queue(), clock, c.fromBeginning()));
    }
    Optional<FeedSource> pypi = c.pypiFeed(feedHttp, Clock.systemUTC());
    if (pypi.isPresent()) {
      followers.add(new FeedFollower(pypi.get(), state.cursors(), state.queue(), clock,
          c.fromBeginning()));
    }
    hosts.remove("");
    ArtifactJudge judge = new ArtifactJudge(http, engine, tmp, clock, c.maxArtifactBytes(),
        c.downloadTimeout(), hosts, c.retry(), sleeper);
    Worker worker = new Worker(state.queue(), state.verdicts(), wrap.apply(judge), clock,
        c.maxAttempts());
    int workers = engine.workersThatFit(c.workers());
    EmbeddedMonitor m = new EmbeddedMonitor(followers, state.queue(), worker,
        new EmbeddedMonitor.Options(workers, c.untilIdle(), c.pollInterval(), c.retry().attempts()),
        listener, sleeper);
    return new Running(m, state, workers);
  }

  /** The lower-case host of a URL, or "" (shared with {@link Distributed}). */
  static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Deletes the artifacts a killed run left in {@code tmp} (shared with {@link Distributed}). */
  static void clean(Path tmp) {
    if (!Files.isDirectory(tmp)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, "artifact-*")) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leftovers are harmless; the next start tries again.
    }
  }
}
