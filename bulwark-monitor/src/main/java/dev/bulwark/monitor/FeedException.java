package dev.bulwark.monitor;

/** A feed could not be read (after retries): the follower keeps its cursor and tries later. */
public final class FeedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String url;

  public FeedException(String url, String message) {
    super(url + ": " + message);
    this.url = url;
  }

  public FeedException(String url, String message, Throwable cause) {
    super(url + ": " + message, cause);
    this.url = url;
  }

  /** The URL that failed. */
  public String url() {
    return url;
  }
}
