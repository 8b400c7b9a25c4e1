package dev.bulwark.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * GETs with a timeout, retries with exponential backoff on 429, 5xx and I/O errors, a size cap
 * and an optional metadata cache. Auth tokens go only to their own host (see {@link Credentials})
 * and never appear in messages.
 */
public final class RegistryHttp {
  /** Waits between retries; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient client;
  private final HttpPolicy policy;
  private final Optional<MetadataCache> cache;
  private final Sleeper sleeper;

  public RegistryHttp(HttpClient client, HttpPolicy policy, Optional<MetadataCache> cache,
      Sleeper sleeper) {
    this.client = client;
    this.policy = policy;
    this.cache = cache;
    this.sleeper = sleeper;
  }

  /** A metadata document (cached). */
  byte[] metadata(URI uri, String accept, Credentials creds) throws RegistryException {
    String key = uri.toString();
    Optional<byte[]> hit = cache.flatMap(c -> c.get(key, accept));
    if (hit.isPresent()) {
      return hit.get();
    }
    byte[] body = get(uri, accept, creds, policy.maxMetadataBytes());
    cache.ifPresent(c -> c.put(key, accept, body));
    return body;
  }

  /** An artifact (never cached). */
  byte[] artifact(URI uri, Credentials creds) throws RegistryException {
    return get(uri, "application/octet-stream", creds, policy.maxArtifactBytes());
  }

  private static final int MAX_REDIRECTS = 5;

  /**
   * Follows redirects itself (the client is expected not to) so that a token is attached only
   * when the new URL is under the token's own host.
   */
  private byte[] get(URI uri, String accept, Credentials creds, long max) throws RegistryException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Fetched f = fetch(current, accept, creds, max);
      if (f.redirect().isEmpty()) {
        return f.body();
      }
      current = f.redirect().get();
    }
    throw new RegistryException("too many redirects: " + safe(uri));
  }

  private record Fetched(byte[] body, Optional<URI> redirect) {}

  private Fetched fetch(URI uri, String accept, Credentials creds, long max) throws RegistryException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(policy.requestTimeout())
        .header("Accept", accept).GET();
    creds.tokenFor(uri).ifPresent(t -> b.header("Authorization", "Bearer " + t));
    HttpRequest req = b.build();
    Duration delay = policy.backoff();
    String last = "";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      try {
        HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        int status = r.statusCode();
        if (status == 200) {
          return new Fetched(readCapped(r, max, uri), Optional.empty());
        }
        r.body().close();
        Optional<String> location = r.headers().firstValue("Location");
        if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
            && location.isPresent()) {
          return new Fetched(new byte[0], Optional.of(NpmClient.uri(uri.resolve(location.get()).toString())));
        }
        if (status == 404) {
          throw new RegistryException("not found (404): " + safe(uri));
        }
        last = "HTTP " + status;
        if (status != 429 && status < 500) {
          throw new RegistryException(last + " from " + safe(uri));
        }
      } catch (IOException | IllegalArgumentException e) {
        last = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException("interrupted while fetching " + safe(uri));
      }
      if (attempt < policy.maxAttempts()) {
        pause(delay, uri);
        delay = delay.multipliedBy(2);
      }
    }
    throw new RegistryException("gave up after " + policy.maxAttempts() + " attempts (" + last
        + "): " + safe(uri));
  }

  private void pause(Duration d, URI uri) throws RegistryException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while fetching " + safe(uri));
    }
  }

  private static byte[] readCapped(HttpResponse<InputStream> r, long max, URI uri)
      throws IOException, RegistryException {
    long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = r.body()) {
      if (declared > max) {
        throw new RegistryException("response larger than " + max + " bytes: " + safe(uri));
      }
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (data.length > max) {
        throw new RegistryException("response larger than " + max + " bytes: " + safe(uri));
      }
      return data;
    }
  }

  /** The URL without user info or query, for messages. */
  static String safe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
