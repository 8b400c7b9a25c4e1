package dev.bulwark.advisory;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of an update.
 *
 * @param maxAttempts attempts per archive on 429, 5xx and I/O errors
 * @param initialBackoff the first wait between attempts; it doubles each time (Retry-After wins,
 *     capped at 60 s)
 * @param requestTimeout how long to wait for a response's headers
 * @param downloadTimeout how long one archive's body may take before the attempt is abandoned
 * @param maxArchiveBytes largest archive accepted
 */
public record UpdateOptions(
    int maxAttempts,
    Duration initialBackoff,
    Duration requestTimeout,
    Duration downloadTimeout,
    long maxArchiveBytes) {
  public static final UpdateOptions DEFAULTS =
      new UpdateOptions(4, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(30),
          4L * 1024 * 1024 * 1024);

  public UpdateOptions {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    if (maxAttempts < 1 || maxArchiveBytes < 1) {
      throw new IllegalArgumentException("maxAttempts and maxArchiveBytes must be positive");
    }
  }
}
