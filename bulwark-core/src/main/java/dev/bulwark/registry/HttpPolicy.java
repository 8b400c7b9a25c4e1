package dev.bulwark.registry;

import java.time.Duration;

/**
 * Limits for registry requests: hostile registries can be slow, huge or flaky.
 *
 * @param requestTimeout per request
 * @param maxAttempts attempts per request (429, 5xx and I/O errors are retried)
 * @param backoff the first retry delay; it doubles each time
 * @param maxMetadataBytes cap on a metadata document
 * @param maxArtifactBytes cap on a downloaded tarball or wheel
 */
public record HttpPolicy(Duration requestTimeout, int maxAttempts, Duration backoff,
    long maxMetadataBytes, long maxArtifactBytes) {
  public static final HttpPolicy DEFAULT = new HttpPolicy(Duration.ofSeconds(30), 3,
      Duration.ofMillis(500), 32L << 20, 256L << 20);
}
