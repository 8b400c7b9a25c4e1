package dev.bulwark.analysis.deobf;

import java.util.List;

/**
 * JavaScript whose identifiers are spelled with unicode escapes (eval written as six-character escapes
 * per letter): when at least two such names occur outside string literals, the whole file
 * is revealed with every escape of a printable ASCII character written plainly. Hand-written: a
 * single linear pass, which a regex replacement with a callback would not beat.
 */
final class EscapedIdentifierTechnique implements Technique {
  private static final int MIN_NAMES = 2;

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (!Gates.contains(text, "\\u00") || text.length() > maxBytes || escapedNames(text) < MIN_NAMES) {
      return List.of();
    }
    StringBuilder b = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int c = escape(text, i);
      if (c >= 0x20 && c < 0x7F && c != '\'' && c != '"' && c != '\\' && c != '`') {
        b.append((char) c);
        i += 6;
      } else {
        b.append(text.charAt(i));
        i++;
      }
    }
    return List.of(new Reveal("escaped-identifiers", 0, b.toString(), false));
  }

  /** Runs of three or more escaped letters that start after a character that cannot open a string. */
  private static int escapedNames(String t) {
    int n = 0;
    for (int i = t.indexOf("\\u00"); i >= 0 && n < MIN_NAMES; i = t.indexOf("\\u00", i + 1)) {
      char before = i == 0 ? ' ' : t.charAt(i - 1);
      if (before == '\'' || before == '"' || before == '`' || before == '\\' || Character.isLetterOrDigit(before)) {
        continue;
      }
      int j = i;
      int run = 0;
      while (letter(escape(t, j))) {
        j += 6;
        run++;
      }
      if (run >= 3) {
        n++;
        i = j - 1;
      }
    }
    return n;
  }

  private static boolean letter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= '0' && c <= '9';
  }

  /** The char of a backslash-u-00XX escape at {@code i}, or -1. */
  private static int escape(String t, int i) {
    if (i + 6 > t.length() || t.charAt(i) != '\\' || t.charAt(i + 1) != 'u' || t.charAt(i + 2) != '0'
        || t.charAt(i + 3) != '0') {
      return -1;
    }
    int hi = Character.digit(t.charAt(i + 4), 16);
    int lo = Character.digit(t.charAt(i + 5), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }
}
