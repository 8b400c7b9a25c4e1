package dev.bulwark.advisory;

/**
 * The advisory database could not be read, built or updated. The message names the file, entry
 * or URL involved; an update that fails this way leaves the previous database untouched.
 */
public final class AdvisoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public AdvisoryException(String message) {
    super(message);
  }

  public AdvisoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
