package dev.bulwark.monitor.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens: {@code bw_<id>_<secret>}, 32 random bytes of secret; only the SHA-256 of the whole
 * token is stored. The first start writes an admin token to {@code admin.token} (mode 0600).
 */
public final class Tokens {
  /** The admin token's file in the state folder. */
  public static final String ADMIN_FILE = "admin.token";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new token: its stored form and the secret to hand out once. */
  public record Created(Token token, String secret) {}

  public static Created create(WatchStore store, String name, Scope scope, Instant now)
      throws WatchException {
    String id = random(6);
    String secret = "bw_" + id + "_" + random(32);
    Token t = new Token(id, name, scope, now, false);
    store.addToken(t, hash(secret));
    return new Created(t, secret);
  }

  /** The live (not revoked) token behind a secret. */
  static Optional<Token> check(WatchStore store, String secret) throws WatchException {
    if (secret.isEmpty() || secret.length() > 200) {
      return Optional.empty();
    }
    return store.tokenByHash(hash(secret)).filter(t -> !t.revoked());
  }

  /**
   * Writes {@code dir/admin.token} with a new admin token when the file does not exist; returns
   * the file when it was written.
   */
  public static Optional<Path> ensureAdmin(WatchStore store, Path dir, Instant now)
      throws WatchException {
    Path f = dir.resolve(ADMIN_FILE);
    if (Files.exists(f)) {
      adopt(store, f, now);
      return Optional.empty();
    }
    Created c = create(store, "admin (first start)", Scope.ADMIN, now);
    try {
      Files.createDirectories(dir);
      try {
        Files.createFile(f, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(f);
      }
      Files.writeString(f, c.secret() + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new WatchException("cannot write " + f + ": " + e.getMessage(), e);
    }
    return Optional.of(f);
  }

  /**
   * An existing admin.token whose token the store does not know (a new database, another server
   * of the same PostgreSQL) is stored again as admin; a revoked one stays revoked.
   */
  private static void adopt(WatchStore store, Path f, Instant now) throws WatchException {
    String secret;
    try {
      secret = Files.readString(f, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new WatchException("cannot read " + f + ": " + e.getMessage(), e);
    }
    int sep = secret.indexOf('_', 3);
    if (!secret.startsWith("bw_") || sep < 0 || secret.length() > 200) {
      throw new WatchException(f + " does not hold a Bulwark token; delete it to get a new one");
    }
    if (store.tokenByHash(hash(secret)).isEmpty()) {
      store.addToken(new Token(secret.substring(3, sep), "admin (from " + ADMIN_FILE + ")",
          Scope.ADMIN, now, false), hash(secret));
    }
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x')
        .replace('-', 'y');
  }
}
