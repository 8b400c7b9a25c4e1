package dev.bulwark.monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the embedded mode needs, resolved (no config lookups happen below this).
 *
 * @param state the state folder ({@code --state DIR})
 * @param npmChanges the npm changes database ({@code --npm-changes URL})
 * @param npmRegistry where npm packuments are read; empty: the changes database itself (a
 *     CouchDB database serves each document, the packument, under its id)
 * @param pypiChanges the PyPI XML-RPC endpoint ({@code --pypi-changes URL})
 * @param pypiJson the PyPI JSON API base ({@code <base>/<name>/<version>/json}); empty: the
 *     XML-RPC endpoint's URL, as on the public index
 * @param pypiRss PyPI's RSS updates feed ({@code --pypi-rss URL}): the fallback when the journal
 *     fails, or the only PyPI feed when there is no journal
 * @param fromBeginning {@code --since 0} (else {@code now}); only for feeds without a cursor
 * @param untilIdle stop when the feeds are idle and every queued version is judged
 * @param workers worker threads (lowered to what the heap holds)
 * @param pollInterval pause between polls of an idle feed
 * @param batch changes per poll
 * @param retry retries of feed requests
 * @param maxArtifactBytes largest artifact downloaded
 * @param downloadTimeout per download
 * @param maxAttempts deliveries of one version before it is dead-lettered
 */
public record MonitorConfig(
    Path state,
    Optional<String> npmChanges,
    Optional<String> npmRegistry,
    Optional<String> pypiChanges,
    Optional<String> pypiJson,
    Optional<String> pypiRss,
    boolean fromBeginning,
    boolean untilIdle,
    int workers,
    Duration pollInterval,
    int batch,
    FeedHttp.Retry retry,
    long maxArtifactBytes,
    Duration downloadTimeout,
    int maxAttempts) {
  public MonitorConfig {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(npmChanges, "npmChanges");
    Objects.requireNonNull(npmRegistry, "npmRegistry");
    Objects.requireNonNull(pypiChanges, "pypiChanges");
    Objects.requireNonNull(pypiJson, "pypiJson");
    Objects.requireNonNull(pypiRss, "pypiRss");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(downloadTimeout, "downloadTimeout");
  }

  /** Defaults for everything but the state folder and the feeds. */
  public static MonitorConfig of(Path state, Optional<String> npmChanges,
      Optional<String> pypiChanges) {
    return new MonitorConfig(state, npmChanges, Optional.empty(), pypiChanges, Optional.empty(),
        Optional.empty(), false, false, 1, Duration.ofSeconds(5), 100, FeedHttp.Retry.defaults(), 256L << 20,
        Duration.ofSeconds(120), 3);
  }

  public MonitorConfig withFromBeginning(boolean v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, pypiRss, v, untilIdle,
        workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withUntilIdle(boolean v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, pypiRss, fromBeginning,
        v, workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withWorkers(int v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, pypiRss, fromBeginning,
        untilIdle, v, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withNpmRegistry(Optional<String> v) {
    return new MonitorConfig(state, npmChanges, v, pypiChanges, pypiJson, pypiRss, fromBeginning,
        untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout,
        maxAttempts);
  }

  public MonitorConfig withPypiJson(Optional<String> v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, v, pypiRss, fromBeginning,
        untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout,
        maxAttempts);
  }

  public MonitorConfig withPolling(Duration interval, FeedHttp.Retry r) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, pypiRss, fromBeginning,
        untilIdle, workers, interval, batch, r, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withBatch(int v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, pypiRss, fromBeginning,
        untilIdle, workers, pollInterval, v, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withPypiRss(Optional<String> v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, v,
        fromBeginning, untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes,
        downloadTimeout, maxAttempts);
  }

  public MonitorConfig withPypiChanges(Optional<String> v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, v, pypiJson, pypiRss,
        fromBeginning, untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes,
        downloadTimeout, maxAttempts);
  }

  public MonitorConfig withNpmChanges(Optional<String> v) {
    return new MonitorConfig(state, v, npmRegistry, pypiChanges, pypiJson, pypiRss,
        fromBeginning, untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes,
        downloadTimeout, maxAttempts);
  }

  /** The worker's caps: largest artifact, download timeout, attempts before the dead letter. */
  public MonitorConfig withCaps(long maxBytes, Duration timeout, int attempts) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, pypiRss,
        fromBeginning, untilIdle, workers, pollInterval, batch, retry, maxBytes, timeout,
        attempts);
  }

  /** True when some feed is configured. */
  public boolean hasFeed() {
    return npmChanges.isPresent() || pypiChanges.isPresent() || pypiRss.isPresent();
  }

  /** The PyPI feed, when the journal or the RSS feed is configured. */
  Optional<FeedSource> pypiFeed(FeedHttp http, java.time.Clock clock) {
    if (pypiChanges.isEmpty() && pypiRss.isEmpty()) {
      return Optional.empty();
    }
    if (pypiChanges.isEmpty() && pypiJson.isEmpty()) {
      throw new IllegalArgumentException("--pypi-rss without --pypi-changes needs --pypi-json URL"
          + " (the JSON API that lists each version's files)");
    }
    return Optional.of(new PypiFeeds(pypiChanges, pypiRss,
        pypiJson.orElseGet(pypiChanges::get), http, clock, batch));
  }
}
