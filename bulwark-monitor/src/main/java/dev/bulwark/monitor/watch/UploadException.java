package dev.bulwark.monitor.watch;

/**
 * An uploaded file that cannot be used; the message names the file, the line when known, and the
 * problem, and is sent back as a 4xx (never a stack trace).
 */
public final class UploadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public UploadException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status to answer with (400, 413, 415, 422). */
  public int status() {
    return status;
  }
}
