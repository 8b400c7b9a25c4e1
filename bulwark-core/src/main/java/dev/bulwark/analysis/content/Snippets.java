package dev.bulwark.analysis.content;

/** Line/column arithmetic and escaped one-line excerpts. */
public final class Snippets {
  /** Longest snippet kept in a finding. */
  public static final int MAX_SNIPPET = 200;

  private Snippets() {}

  /** 1-based line of a char offset. */
  public static int line(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** 1-based column (in chars) of a char offset. */
  public static int column(String text, int offset) {
    int end = Math.min(offset, text.length());
    int nl = text.lastIndexOf('\n', end - 1);
    return end - nl;
  }

  /** The hit and some context on its line, escaped, at most {@link #MAX_SNIPPET} chars. */
  public static String around(String text, int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    int lineStart = text.lastIndexOf('\n', s - 1) + 1;
    int lineEnd = text.indexOf('\n', e);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    int from = Math.max(lineStart, s - 60);
    int to = Math.min(lineEnd, Math.max(e, s + 1) + 60);
    return escape(text.substring(from, to).strip(), MAX_SNIPPET);
  }

  /**
   * One-line escaped form: control and non-ASCII invisible characters become \xNN / \\uNNNN,
   * printable text stays; cut at {@code max} chars with "…".
   */
  public static String escape(CharSequence s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7F) {
        b.append(String.format("\\x%02x", (int) c));
      } else if (c > 0x7E && (Character.isISOControl(c) || isInvisible(c) || Character.isSurrogate(c) && !Character.isLetter(Character.codePointAt(s, i)))) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (b.length() >= max && s.length() > max) {
      b.setLength(max - 1);
      b.append('…');
    }
    return b.toString();
  }

  /** Zero-width, bidi control and other format characters. */
  public static boolean isInvisible(int c) {
    int t = Character.getType(c);
    return t == Character.FORMAT
        || t == Character.UNASSIGNED
        || t == Character.PRIVATE_USE
        || (c >= 0xFE00 && c <= 0xFE0F)
        || (c >= 0xE0100 && c <= 0xE01EF)
        || c == 0x3164
        || c == 0x115F
        || c == 0x1160
        || c == 0xFFA0;
  }
}
