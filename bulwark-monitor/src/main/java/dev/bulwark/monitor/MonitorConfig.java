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
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(downloadTimeout, "downloadTimeout");
  }

  /** Defaults for everything but the state folder and the feeds. */
  public static MonitorConfig of(Path state, Optional<String> npmChanges,
      Optional<String> pypiChanges) {
    return new MonitorConfig(state, npmChanges, Optional.empty(), pypiChanges, Optional.empty(),
        false, false, 1, Duration.ofSeconds(5), 100, FeedHttp.Retry.defaults(), 256L << 20,
        Duration.ofSeconds(120), 3);
  }

  public MonitorConfig withFromBeginning(boolean v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, v, untilIdle,
        workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withUntilIdle(boolean v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, fromBeginning,
        v, workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withWorkers(int v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, fromBeginning,
        untilIdle, v, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withNpmRegistry(Optional<String> v) {
    return new MonitorConfig(state, npmChanges, v, pypiChanges, pypiJson, fromBeginning,
        untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout,
        maxAttempts);
  }

  public MonitorConfig withPypiJson(Optional<String> v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, v, fromBeginning,
        untilIdle, workers, pollInterval, batch, retry, maxArtifactBytes, downloadTimeout,
        maxAttempts);
  }

  public MonitorConfig withPolling(Duration interval, FeedHttp.Retry r) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, fromBeginning,
        untilIdle, workers, interval, batch, r, maxArtifactBytes, downloadTimeout, maxAttempts);
  }

  public MonitorConfig withBatch(int v) {
    return new MonitorConfig(state, npmChanges, npmRegistry, pypiChanges, pypiJson, fromBeginning,
        untilIdle, workers, pollInterval, v, retry, maxArtifactBytes, downloadTimeout, maxAttempts);
  }
}
