package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-pass lexer for string literals in JS, TS and Python source: quotes, escapes, Python
 * triple quotes and b'' prefixes, skipping // and /* *&#47; comments (and # comments when asked).
 * Hand-written because it runs on multi-megabyte minified files where a regex per technique
 * was several times slower; it is linear and allocation-light.
 */
final class Literals {
  /** At most this many literals are recorded per text. */
  static final int MAX = 200_000;

  /**
   * One literal.
   *
   * @param start offset of the opening quote (or of the b prefix)
   * @param end offset just after the closing quote
   * @param body the raw text between the quotes (escapes not resolved)
   * @param bytes whether it has a Python b/B prefix
   */
  record Lit(int start, int end, String body, boolean bytes) {
    String value() {
      return Decoders.unescape(body);
    }
  }

  private Literals() {}

  static List<Lit> scan(String t, boolean hashComments) {
    List<Lit> out = new ArrayList<>();
    int n = t.length();
    int i = 0;
    while (i < n && out.size() < MAX) {
      char c = t.charAt(i);
      if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/' || c == '#' && hashComments) {
        int nl = t.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
        int e = t.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        i = literal(t, i, out);
      } else {
        i++;
      }
    }
    return out;
  }

  private static int literal(String t, int i, List<Lit> out) {
    char q = t.charAt(i);
    int n = t.length();
    boolean bytes = i > 0 && (t.charAt(i - 1) == 'b' || t.charAt(i - 1) == 'B')
        && (i < 2 || !Character.isJavaIdentifierPart(t.charAt(i - 2)));
    boolean triple = q != '`' && i + 2 < n && t.charAt(i + 1) == q && t.charAt(i + 2) == q;
    int bodyStart = i + (triple ? 3 : 1);
    int j = bodyStart;
    while (j < n) {
      char c = t.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '\n' && !triple && q != '`') {
        return i + 1; // unterminated: not a literal
      }
      if (c == q && (!triple || j + 2 < n && t.charAt(j + 1) == q && t.charAt(j + 2) == q)) {
        break;
      }
      j++;
    }
    if (j >= n) {
      return i + 1;
    }
    int end = j + (triple ? 3 : 1);
    out.add(new Lit(bytes ? i - 1 : i, end, t.substring(bodyStart, j), bytes));
    return end;
  }

  /** Offset of the first non-space char at or after {@code i}. */
  static int skipSpace(String t, int i) {
    while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Offset just after the last non-space char before {@code i}. */
  static int skipSpaceBack(String t, int i) {
    while (i > 0 && Character.isWhitespace(t.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Whether the text after {@code i} (spaces skipped between tokens) reads as {@code tokens}. */
  static int expect(String t, int i, String... tokens) {
    int p = i;
    for (String tok : tokens) {
      p = skipSpace(t, p);
      if (!t.startsWith(tok, p)) {
        return -1;
      }
      p += tok.length();
    }
    return p;
  }

  /** Whether the text before {@code i} ends with {@code tok} (spaces before i skipped). */
  static int endsWith(String t, int i, String tok) {
    int p = skipSpaceBack(t, i);
    return p >= tok.length() && t.startsWith(tok, p - tok.length()) ? p - tok.length() : -1;
  }
}
