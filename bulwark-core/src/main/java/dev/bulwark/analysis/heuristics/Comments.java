package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ContentType;
import java.util.Arrays;

/**
 * The comments of one code file, as sorted {@code [start, end)} spans, found by a single linear
 * pass that skips string literals (and, in JavaScript, regex and template literals) so that a
 * {@code //} inside a URL string is not a comment. JavaScript and TypeScript: {@code //} and
 * {@code /* … *}{@code /}; Python: {@code #} outside strings, triple-quoted ones included; shell:
 * {@code #} at the start of a word outside quotes. Computed on first use only, since most files
 * never ask. Hand-written: the heuristics need comment spans of any size of file in linear time,
 * and a tree-sitter parse per file would cost far more than the question is worth. An unclosed
 * string or comment runs to the end of its line or the file, as the languages' own readers do.
 */
final class Comments {
  private final String text;
  private final ContentType type;
  private int[] spans;
  private int count;

  Comments(String text, ContentType type) {
    this.text = text;
    this.type = type;
  }

  /** Whether {@code index} lies inside a comment. */
  boolean contains(int index) {
    int k = last(index);
    return k >= 0 && index < spans[2 * k + 1];
  }

  /** The end of the comment that starts exactly at {@code index}, or -1. */
  int end(int index) {
    int k = last(index);
    return k >= 0 && spans[2 * k] == index ? spans[2 * k + 1] : -1;
  }

  /** The last comment that starts at or before {@code index}, or -1. */
  private int last(int index) {
    ensure();
    int lo = 0;
    int hi = count - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans[2 * mid] <= index) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private void ensure() {
    if (spans != null) {
      return;
    }
    spans = new int[16];
    switch (type) {
      case JAVASCRIPT, TYPESCRIPT -> scanJs();
      case PYTHON -> scanHash(true);
      case BASH -> scanHash(false);
      default -> { }
    }
  }

  private void add(int start, int end) {
    if (2 * count + 2 > spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[2 * count] = start;
    spans[2 * count + 1] = end;
    count++;
  }

  private void scanJs() {
    String t = text;
    int n = t.length();
    char prev = '\n'; // the last character that is not blank, outside comments
    for (int i = 0; i < n; ) {
      char c = t.charAt(i);
      if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
        int e = lineEnd(t, i);
        add(i, e);
        i = e;
      } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
        int e = t.indexOf("*/", i + 2);
        e = e < 0 ? n : e + 2;
        add(i, e);
        i = e;
      } else if (c == '\'' || c == '"') {
        i = quoted(t, i, c, true);
        prev = c;
      } else if (c == '`') {
        i = quoted(t, i, c, false);
        prev = c;
      } else if (c == '/' && "(,=:[!&|?{};+-*%<>~^\n".indexOf(prev) >= 0) {
        i = regexEnd(t, i);
        prev = '/';
      } else {
        if (!Character.isWhitespace(c)) {
          prev = c;
        } else if (c == '\n' && prev != '\n' && "(,=:[!&|?{};".indexOf(prev) < 0) {
          prev = ';'; // a statement may end at a line break; a '/' after it starts a regex
        }
        i++;
      }
    }
  }

  private void scanHash(boolean python) {
    String t = text;
    int n = t.length();
    for (int i = 0; i < n; ) {
      char c = t.charAt(i);
      if (c == '#' && (python || i == 0 || Character.isWhitespace(t.charAt(i - 1)) || t.charAt(i - 1) == ';')) {
        int e = lineEnd(t, i);
        add(i, e);
        i = e;
      } else if (python && (t.startsWith("\"\"\"", i) || t.startsWith("'''", i))) {
        int e = t.indexOf(t.substring(i, i + 3), i + 3);
        i = e < 0 ? n : e + 3;
      } else if (c == '\'' || c == '"') {
        // Shell quotes may span lines; Python's single-quoted strings end at the line.
        i = quoted(t, i, c, python);
      } else if (c == '\\') {
        i += 2;
      } else {
        i++;
      }
    }
  }

  private static int lineEnd(String t, int i) {
    int e = t.indexOf('\n', i);
    return e < 0 ? t.length() : e;
  }

  /** The index after the literal opened by {@code q} at {@code i}; a backslash escapes. */
  private static int quoted(String t, int i, char q, boolean endsAtLine) {
    for (int j = i + 1; j < t.length(); j++) {
      char c = t.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == q || endsAtLine && c == '\n') {
        return j + 1;
      }
    }
    return t.length();
  }

  /** The index after the regex literal opened at {@code i}, or the end of its line. */
  static int regexEnd(String t, int i) {
    boolean inClass = false;
    for (int j = i + 1; j < t.length(); j++) {
      char c = t.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '\n') {
        return j;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        return j + 1;
      }
    }
    return t.length();
  }
}
