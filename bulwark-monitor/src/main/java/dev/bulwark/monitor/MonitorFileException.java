package dev.bulwark.monitor;

/** A monitor config file that cannot be used, with the file and the line (0: the whole file). */
public final class MonitorFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public MonitorFileException(String file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
