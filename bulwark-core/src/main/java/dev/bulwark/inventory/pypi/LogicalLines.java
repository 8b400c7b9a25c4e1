package dev.bulwark.inventory.pypi;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits requirements-file text into logical lines the way pip does: a trailing backslash joins
 * the next line, and a '#' at the start of a line or after whitespace starts a comment (so the
 * {@code #egg=} fragment of a URL is kept). Written by hand to stay linear on hostile input.
 */
final class LogicalLines {
  /** Longest logical line kept; longer ones are reported and skipped. */
  static final int MAX_LINE = 64 * 1024;

  /**
   * One logical line.
   *
   * @param line the 1-based number of its first physical line
   * @param text the joined text, comment removed, trimmed; "" for blank lines
   * @param tooLong true when it exceeded {@link #MAX_LINE} (text is then "")
   */
  record Line(int line, String text, boolean tooLong) {}

  private LogicalLines() {}

  static List<Line> split(String text) {
    List<Line> out = new ArrayList<>();
    StringBuilder acc = new StringBuilder();
    boolean tooLong = false;
    int startLine = 0;
    int lineNo = 0;
    int pos = 0;
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      lineNo++;
      if (acc.length() == 0 && !tooLong) {
        startLine = lineNo;
      }
      int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
      int hash = commentStart(text, pos, stop);
      boolean continued = hash < 0 && stop > pos && text.charAt(stop - 1) == '\\';
      int contentEnd = hash >= 0 ? hash : continued ? stop - 1 : stop;
      if (!tooLong && acc.length() + (contentEnd - pos) > MAX_LINE) {
        tooLong = true;
        acc.setLength(0);
      }
      if (!tooLong) {
        acc.append(text, pos, contentEnd);
      }
      if (!continued || nl < 0) {
        out.add(new Line(startLine, tooLong ? "" : acc.toString().trim(), tooLong));
        acc.setLength(0);
        tooLong = false;
      }
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    return out;
  }

  private static int commentStart(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '#' && (i == from || Character.isWhitespace(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /** Splits on runs of spaces and tabs. */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }
}
