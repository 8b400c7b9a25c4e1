package dev.bulwark.model;

import java.util.Objects;

/**
 * A place in a file. {@code line} and {@code column} are 1-based; 0 means unknown. {@code file}
 * is a display path: relative to the scan root where possible, and {@code archive.tgz!/path} for
 * entries inside archives.
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative line or column");
    }
  }

  public static SourceLocation of(String file, int line) {
    return new SourceLocation(file, line, 0);
  }

  public static SourceLocation of(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line == 0 ? file : column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
