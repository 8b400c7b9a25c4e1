package dev.bulwark.model;

/** A file could not be read or parsed. Carries the file and, where known, the line (else 0). */
public final class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;

  public ExtractionException(String file, int line, String message) {
    super(message);
    this.file = file;
    this.line = line;
  }

  public ExtractionException(String file, int line, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public SourceLocation location() {
    return SourceLocation.of(file, Math.max(0, line));
  }

  /** "file:line: message". */
  public String describe() {
    return location() + ": " + getMessage();
  }
}
