package dev.bulwark.monitor.watch;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is asking: a Bearer token, or a dashboard session (cookie) made from one. Sessions live in
 * memory (a restart logs everyone out); each carries its CSRF token, and each request re-checks
 * that the token behind it is not revoked. Also the rate limits: a token bucket per key, written
 * by hand (Javalin's NaiveRateLimit keys by client address and path, not by token).
 */
final class Access {
  /** An authenticated caller. */
  record Caller(Token token, Optional<Session> session) {}

  /** A dashboard session. */
  record Session(String id, String tokenHash, String csrf, Instant expires) {}

  static final int MAX_SESSIONS = 10_000;
  private final WatchStore store;
  private final Clock clock;
  private final Duration sessionLife;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  Access(WatchStore store, Clock clock, Duration sessionLife) {
    this.store = store;
    this.clock = clock;
    this.sessionLife = sessionLife;
  }

  Optional<Caller> bearer(String secret) throws WatchException {
    return Tokens.check(store, secret).map(t -> new Caller(t, Optional.empty()));
  }

  Optional<Caller> session(String id) throws WatchException {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (s.expires().isBefore(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    Optional<Token> t = store.tokenByHash(s.tokenHash()).filter(x -> !x.revoked());
    if (t.isEmpty()) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(new Caller(t.get(), Optional.of(s)));
  }

  /** A new session for a valid token secret. */
  Optional<Session> login(String secret) throws WatchException {
    if (Tokens.check(store, secret).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.values().removeIf(s -> s.expires().isBefore(now));
      if (sessions.size() >= MAX_SESSIONS) {
        Iterator<String> it = sessions.keySet().iterator();
        it.next();
        it.remove();
      }
    }
    Session s = new Session(Tokens.random(32), Tokens.hash(secret), Tokens.random(32),
        now.plus(sessionLife));
    sessions.put(s.id(), s);
    return Optional.of(s);
  }

  void logout(String id) {
    sessions.remove(id);
  }

  static boolean sameSecret(String a, String b) {
    return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  /** Takes one from the bucket {@code key} (refilled to {@code perMinute} each minute). */
  boolean allow(String key, int perMinute) {
    if (buckets.size() > 100_000) {
      buckets.clear();
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, clock.instant()))
        .take(clock.instant(), perMinute);
  }

  private static final class Bucket {
    private double tokens;
    private Instant last;

    Bucket(int perMinute, Instant now) {
      this.tokens = perMinute;
      this.last = now;
    }

    synchronized boolean take(Instant now, int perMinute) {
      double elapsed = Math.max(0, Duration.between(last, now).toMillis()) / 60_000.0;
      tokens = Math.min(perMinute, tokens + elapsed * perMinute);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
