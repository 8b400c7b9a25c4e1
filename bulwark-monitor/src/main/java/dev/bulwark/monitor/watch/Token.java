package dev.bulwark.monitor.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as stored: only the SHA-256 of the secret is kept.
 *
 * @param id short public id (used to revoke)
 * @param name what it is for
 * @param scope admin, read-only or upload-only
 * @param created when it was made
 * @param revoked true once revoked
 */
public record Token(String id, String name, Scope scope, Instant created, boolean revoked) {
  public Token {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(created, "created");
  }
}
