package dev.bulwark.model;

import java.util.Objects;

/**
 * A non-fatal problem met while reading input: a malformed file, a limit that was hit, an entry
 * that was skipped. It always names where it happened.
 *
 * @param code a short stable code, such as "parse-error", "too-large", "invalid-utf8"
 * @param message one plain sentence
 * @param location where it happened
 */
public record Problem(String code, String message, SourceLocation location)
    implements Comparable<Problem> {
  /**
   * The code of a credential written in a committed configuration file (.npmrc): reported with
   * the problems because it has a file and line, but it is a finding, not a read error.
   */
  public static final String LEAKED_CREDENTIAL = "leaked-credential";

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public int compareTo(Problem o) {
    int c = location.compareTo(o.location);
    return c != 0 ? c : (code + message).compareTo(o.code + o.message);
  }
}
