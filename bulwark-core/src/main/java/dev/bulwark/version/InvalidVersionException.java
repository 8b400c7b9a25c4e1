package dev.bulwark.version;

/** A version or range that the scheme cannot parse. */
public final class InvalidVersionException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String message) {
    super(message);
  }
}
