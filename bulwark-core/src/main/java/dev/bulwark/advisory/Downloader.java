package dev.bulwark.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Conditional GET of one archive to a file, with bounded size, request timeouts, and retries with
 * exponential backoff on 429, 5xx and I/O errors.
 */
final class Downloader {
  /** Waits between attempts; tests pass one that does not sleep. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** The validators of a previous download. */
  record Validators(String etag, String lastModified) {
    static final Validators NONE = new Validators("", "");

    boolean any() {
      return !etag.isEmpty() || !lastModified.isEmpty();
    }
  }

  /** A download: empty file when the server said "not modified". */
  record Fetched(Optional<Path> file, Validators validators) {}

  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final UpdateOptions options;
  private final Sleeper sleeper;

  Downloader(UpdateOptions options, Sleeper sleeper) {
    this.options = options;
    this.sleeper = sleeper;
  }

  Fetched fetch(HttpClient http, URI uri, Validators previous, Path target) throws AdvisoryException {
    Duration backoff = options.initialBackoff();
    String last = "";
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      Optional<Duration> retryAfter = Optional.empty();
      AtomicBoolean abandoned = new AtomicBoolean();
      try {
        HttpResponse<InputStream> resp = http.send(request(uri, previous), HttpResponse.BodyHandlers.ofInputStream());
        int code = resp.statusCode();
        try (InputStream body = resp.body()) {
          abandonAfter(body, options.downloadTimeout(), abandoned);
          if (code == 304 && previous.any()) {
            return new Fetched(Optional.empty(), previous);
          }
          if (code == 200) {
            copyBounded(body, target, resp.headers().firstValueAsLong("Content-Length").orElse(-1), uri);
            return new Fetched(Optional.of(target), new Validators(
                headerValue(resp, "ETag"), headerValue(resp, "Last-Modified")));
          }
          last = "HTTP " + code;
          if (code != 429 && code < 500) {
            throw new AdvisoryException(uri + ": HTTP " + code);
          }
          retryAfter = resp.headers().firstValue("Retry-After").flatMap(Downloader::seconds);
        }
      } catch (IOException e) {
        last = abandoned.get()
            ? "download took longer than " + options.downloadTimeout().toMillis() + " ms"
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AdvisoryException(uri + ": interrupted");
      }
      if (attempt < options.maxAttempts()) {
        pause(retryAfter.orElse(backoff), uri);
        backoff = backoff.multipliedBy(2);
      }
    }
    throw new AdvisoryException(uri + ": failed after " + options.maxAttempts() + " attempts (" + last + ")");
  }

  private HttpRequest request(URI uri, Validators previous) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.requestTimeout()).GET();
    if (!previous.etag().isEmpty()) {
      b.header("If-None-Match", previous.etag());
    }
    if (!previous.lastModified().isEmpty()) {
      b.header("If-Modified-Since", previous.lastModified());
    }
    return b.build();
  }

  private void copyBounded(InputStream in, Path target, long declared, URI uri)
      throws IOException, AdvisoryException {
    if (declared > options.maxArchiveBytes()) {
      throw new AdvisoryException(uri + ": archive of " + declared + " bytes is over the limit");
    }
    long total = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > options.maxArchiveBytes()) {
          throw new AdvisoryException(uri + ": archive over the limit of " + options.maxArchiveBytes() + " bytes");
        }
        out.write(buf, 0, n);
      }
    }
    if (declared >= 0 && total != declared) {
      throw new IOException("received " + total + " of " + declared + " bytes");
    }
  }

  /**
   * Closes the body when the download takes too long: a stalled read then fails with an
   * IOException (and is retried) instead of blocking forever. Closing a finished body is harmless.
   */
  private static void abandonAfter(InputStream body, Duration timeout, AtomicBoolean abandoned) {
    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      abandoned.set(true);
      try {
        body.close();
      } catch (IOException e) {
        // already failing or closed
      }
    });
  }

  /** A validator worth sending back: printable ASCII of sane length, else "". */
  private static String headerValue(HttpResponse<?> resp, String name) {
    String v = resp.headers().firstValue(name).orElse("");
    boolean ok = v.length() <= 512 && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return ok ? v : "";
  }

  private void pause(Duration d, URI uri) throws AdvisoryException {
    try {
      sleeper.sleep(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdvisoryException(uri + ": interrupted");
    }
  }

  private static Optional<Duration> seconds(String v) {
    try {
      long s = Long.parseLong(v.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: fall back to our own backoff
    }
  }
}
