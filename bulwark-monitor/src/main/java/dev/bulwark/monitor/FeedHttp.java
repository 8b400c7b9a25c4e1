package dev.bulwark.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Bounded HTTP GETs for the feeds, with retries: a 5xx, 429, a reset connection, a timeout or a
 * body that fails to parse (truncated) is retried with exponential backoff through the injected
 * {@link Sleeper}; a 404 or 410 is an answer ("gone"), not an error.
 */
public final class FeedHttp {
  /** How to retry. */
  public record Retry(int attempts, Duration first, Duration max) {
    public static Retry defaults() {
      return new Retry(6, Duration.ofMillis(500), Duration.ofSeconds(30));
    }
  }

  /** A body parser that may reject a truncated or malformed body (then the GET is retried). */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(byte[] body) throws IOException;
  }

  private final HttpClient http;
  private final Sleeper sleeper;
  private final Retry retry;
  private final Duration timeout;

  public FeedHttp(HttpClient http, Sleeper sleeper, Retry retry, Duration timeout) {
    this.http = http;
    this.sleeper = sleeper;
    this.retry = retry;
    this.timeout = timeout;
  }

  /** GET with retries; empty for 404/410. */
  public <T> Optional<T> get(String url, long maxBytes, Parser<T> parser)
      throws FeedException, InterruptedException {
    return send(url, maxBytes, parser, null);
  }

  /** POST (XML-RPC) with retries. */
  public <T> Optional<T> post(String url, String contentType, byte[] body, long maxBytes,
      Parser<T> parser) throws FeedException, InterruptedException {
    return send(url, maxBytes, parser, new Object[] {contentType, body});
  }

  private <T> Optional<T> send(String url, long maxBytes, Parser<T> parser, Object[] post)
      throws FeedException, InterruptedException {
    Duration wait = retry.first();
    String last = "";
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) {
        sleeper.sleep(wait);
        wait = wait.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max() : wait.multipliedBy(2);
      }
      HttpRequest.Builder b;
      try {
        b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
            .header("Accept", post == null ? "application/json" : "text/xml");
      } catch (IllegalArgumentException e) {
        throw new FeedException(url, "not a URL: " + e.getMessage());
      }
      if (post != null) {
        b.header("Content-Type", (String) post[0])
            .POST(HttpRequest.BodyPublishers.ofByteArray((byte[]) post[1]));
      }
      try {
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        int code = r.statusCode();
        try (InputStream in = r.body()) {
          if (code == 404 || code == 410) {
            return Optional.empty();
          }
          if (code >= 500 || code == 429 || code == 408) {
            last = "HTTP " + code;
            continue;
          }
          if (code != 200) {
            throw new FeedException(url, "HTTP " + code);
          }
          byte[] body = readCapped(in, maxBytes);
          if (body == null) {
            throw new FeedException(url, "response larger than " + maxBytes + " bytes");
          }
          return Optional.of(parser.parse(body));
        }
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    throw new FeedException(url, "gave up after " + retry.attempts() + " attempts: " + last);
  }

  /** The body, or null when it is larger than max. */
  static byte[] readCapped(InputStream in, long max) throws IOException {
    byte[] got = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    return got.length > max ? null : got;
  }
}
