package dev.bulwark.analysis.heuristics;

/**
 * The code of a Python file's text for {@link PyTriggers}: the text with its comments and its
 * plain (not formatted) string literals replaced by {@link #GAP}, a character that is neither a
 * name character nor a blank, so no name is made across it. Format strings ({@code f"…"},
 * {@code t"…"}) stay code whole: their replacement fields are code.
 *
 * <p>The view must keep everything tree-sitter-python reads as code: every leaf of the syntax tree
 * other than a comment or a piece of a string ({@code string_start}, {@code string_content},
 * {@code string_end}, escapes) lies in code here ({@code PyCodeTextTest} holds this over the
 * heuristics' Python cases, seeded mutants and, when present, the Debian set). Where this lexer
 * cannot be sure to agree (a string left open at the end of its line or of the file, a quote glued
 * to a name that is not a string prefix, a backslash in code that continues no line, a comment or
 * a line break inside a replacement field, a quote in a format spec, nesting past
 * {@link #MAX_DEPTH}), it returns null and the caller reads the whole text, as before.
 * Tree-sitter's error recovery does not scan string contents, so text inside quotes can come back
 * as code in a broken file; the test's mutants cover that case. Hand-written: one pass over the
 * characters, no regex (Python's own tokenizer is not at hand in
 * Java, and no library lexes Python the way this grammar does).
 */
final class PyCodeText {
  /** What non-code characters become. */
  static final char GAP = '\u0000';
  /** Format strings inside replacement fields inside format strings…, at most this deep. */
  static final int MAX_DEPTH = 8;

  private final String t;
  private final int n;
  private final char[] out;

  private PyCodeText(String t) {
    this.t = t;
    this.n = t.length();
    this.out = t.toCharArray();
  }

  /** The code view of the text (same length), or null when the lexer cannot be sure. */
  static String of(String text) {
    PyCodeText v = new PyCodeText(text);
    return v.scan() ? new String(v.out) : null;
  }

  private boolean scan() {
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (c == '#') {
        int j = i;
        while (j < n && t.charAt(j) != '\n' && t.charAt(j) != '\r') {
          out[j++] = GAP;
        }
        i = j;
      } else if (c == '\\' && !(i + 1 < n && (t.charAt(i + 1) == '\n' || t.charAt(i + 1) == '\r'))) {
        return false;  // a backslash that continues no line (before a quote it keeps tree-sitter from a string)
      } else if (c == '"' || c == '\'') {
        int end = literal(i, 0, true);
        if (end < 0) {
          return false;
        }
        i = end;
      } else {
        i++;
      }
    }
    return true;
  }

  /**
   * The string literal whose opening quote is at {@code q}: returns the index after its closing
   * quote, or -1 when unsure. Blanks a plain string when {@code blank}.
   */
  private int literal(int q, int depth, boolean blank) {
    if (depth > MAX_DEPTH) {
      return -1;
    }
    boolean raw = false;
    boolean format = false;
    int p = q;
    while (p > 0 && word(t.charAt(p - 1))) {
      p--;
      switch (t.charAt(p)) {
        case 'r', 'R' -> raw = true;
        case 'f', 'F', 't', 'T' -> format = true;
        case 'b', 'B', 'u', 'U' -> { }
        default -> {
          return -1;  // a quote glued to a name: not a string start tree-sitter would see
        }
      }
    }
    char quote = t.charAt(q);
    boolean triple = q + 2 < n && t.charAt(q + 1) == quote && t.charAt(q + 2) == quote;
    int j = q + (triple ? 3 : 1);
    while (j < n) {
      char c = t.charAt(j);
      if (c == '\\') {
        if (raw) {
          j++;
          if (j < n && (t.charAt(j) == quote || t.charAt(j) == '\\')) {
            j++;
          }
        } else {
          j += 2;
        }
        continue;
      }
      if (c == quote) {
        if (!triple) {
          return close(q, j + 1, blank && !format);
        }
        if (j + 2 < n && t.charAt(j + 1) == quote && t.charAt(j + 2) == quote) {
          return close(q, j + 3, blank && !format);
        }
        j++;
        continue;
      }
      if ((c == '\n' || c == '\r') && !triple) {
        return -1;  // left open at the end of its line
      }
      if (format && c == '{') {
        if (j + 1 < n && t.charAt(j + 1) == '{') {
          j += 2;
          continue;
        }
        j = field(j + 1, quote, triple, depth + 1);
        if (j < 0) {
          return -1;
        }
        continue;
      }
      j++;
    }
    return -1;  // left open at the end of the file
  }

  private int close(int q, int end, boolean blank) {
    if (blank) {
      for (int k = q; k < end; k++) {
        out[k] = GAP;
      }
    }
    return end;
  }

  /**
   * A replacement field of a format string, from after its '{': returns the index after its
   * closing '}', or -1 when unsure. Its text stays code.
   */
  private int field(int from, char quote, boolean triple, int depth) {
    if (depth > MAX_DEPTH) {
      return -1;
    }
    int brackets = 0;
    int j = from;
    while (j < n) {
      char c = t.charAt(j);
      if (c == '#' || c == '\\' || (c == '\n' || c == '\r') && !triple) {
        return -1;
      }
      if (c == '"' || c == '\'') {
        if (c == quote && !triple) {
          return -1;  // the same quote inside a field: newer Python only, not worth guessing
        }
        j = literal(j, depth, false);
        if (j < 0) {
          return -1;
        }
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        brackets++;
      } else if (c == ')' || c == ']') {
        if (--brackets < 0) {
          return -1;
        }
      } else if (c == '}') {
        if (brackets == 0) {
          return j + 1;
        }
        brackets--;
      } else if (c == ':' && brackets == 0) {
        return spec(j + 1, quote, triple, depth);
      }
      j++;
    }
    return -1;
  }

  /** A format spec, from after its ':': the index after the field's closing '}', or -1. */
  private int spec(int from, char quote, boolean triple, int depth) {
    int j = from;
    while (j < n) {
      char c = t.charAt(j);
      if (c == '"' || c == '\'' || c == '\\' || c == '\n' || c == '\r') {
        return -1;
      }
      if (c == '{') {
        j = field(j + 1, quote, triple, depth + 1);
        if (j < 0) {
          return -1;
        }
        continue;
      }
      if (c == '}') {
        return j + 1;
      }
      j++;
    }
    return -1;
  }

  /** Name characters, as {@link PyTriggers} reads them. */
  private static boolean word(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
  }
}
