package dev.bulwark.report;

/** ANSI styling for console output, switched off for pipes, files and --no-color. */
public final class Style {
  private final boolean color;

  public Style(boolean color) {
    this.color = color;
  }

  public static Style plain() {
    return new Style(false);
  }

  public String red(String s) {
    return wrap("1;31", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /**
   * Makes untrusted text safe for a terminal: control characters (including ESC, so no escape
   * sequences from scanned content reach the terminal) and bidi/invisible format characters are
   * shown as {@code \\uXXXX}; the text is cut to {@code max} characters.
   */
  public static String safe(String s, int max) {
    if (s.length() <= max && printableAscii(s)) {
      return s; // nothing to show differently or cut (the common case, no copy)
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (c == '\t') {
        b.append(' ');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (b.length() >= max && s.length() > max) {
      b.setLength(max);
      b.append('…');
    }
    return b.toString();
  }

  private static boolean printableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
