package dev.bulwark.monitor.watch;

/** The watch's state could not be read or written. */
public final class WatchException extends Exception {
  private static final long serialVersionUID = 1L;

  public WatchException(String message, Throwable cause) {
    super(message, cause);
  }

  public WatchException(String message) {
    super(message);
  }
}
