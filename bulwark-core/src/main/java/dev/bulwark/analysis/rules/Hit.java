package dev.bulwark.analysis.rules;

/**
 * One place where a matcher matched: char offsets into the scanned text, and an optional detail
 * (for example what a heuristic measured), "" when none.
 */
public record Hit(int start, int end, String detail) implements Comparable<Hit> {
  public Hit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad hit range " + start + ".." + end);
    }
  }

  public static Hit of(int start, int end) {
    return new Hit(start, end, "");
  }

  @Override
  public int compareTo(Hit o) {
    int c = Integer.compare(start, o.start);
    return c != 0 ? c : Integer.compare(end, o.end);
  }
}
