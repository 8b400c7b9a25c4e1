package dev.bulwark.report;

/**
 * Makes text from scanned content safe to show: bidirectional and other control characters are
 * shown as escapes (so "Trojan Source" reordering cannot hide code), and markup is escaped.
 * Hand-written because it is a few character tests, not a parsing problem.
 */
final class Safe {
  private Safe() {}

  /** Replaces control, bidi and zero-width characters with {@code \\u{XXXX}}. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (invisible(c)) {
        b.append(String.format("\\u{%04X}", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  static boolean invisible(int c) {
    return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)
        || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0xFEFF || c == 0x2028
        || c == 0x2029;
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String html(String s) {
    String t = text(s);
    StringBuilder b = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Escapes text for HTML element content, rendering its Markdown code spans (a run of N
   * backticks up to the next run of exactly N) as {@code <code>} elements with escaped content;
   * an unmatched backtick stays a literal backtick. Only code spans are rendered, not links,
   * emphasis or HTML: explanation texts may come from users' own rules. Hand-written because a
   * Markdown library would render far more than this one construct.
   */
  static String htmlWithCode(String s) {
    StringBuilder b = new StringBuilder(s.length() + 32);
    int i = 0;
    int plain = 0;
    while (i < s.length()) {
      if (s.charAt(i) != '`') {
        i++;
        continue;
      }
      int n = run(s, i);
      int close = i + n;
      int end = -1;
      while (close < s.length()) {
        if (s.charAt(close) == '`') {
          int m = run(s, close);
          if (m == n) {
            end = close;
            break;
          }
          close += m;
        } else {
          close++;
        }
      }
      if (end < 0) {
        i += n; // no closing run: the backticks are literal text
        continue;
      }
      String code = s.substring(i + n, end);
      if (code.length() >= 2 && code.startsWith(" ") && code.endsWith(" ") && !code.isBlank()) {
        code = code.substring(1, code.length() - 1);
      }
      b.append(html(s.substring(plain, i))).append("<code>").append(html(code)).append("</code>");
      i = end + n;
      plain = i;
    }
    return b.append(html(s.substring(plain))).toString();
  }

  private static int run(String s, int from) {
    int j = from;
    while (j < s.length() && s.charAt(j) == '`') {
      j++;
    }
    return j - from;
  }

  /** Escapes text for Markdown so it renders literally (no links, HTML or emphasis). */
  static String markdown(String s) {
    String t = text(s).replace('\n', ' ');
    StringBuilder b = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> b.append('\\').append(c);
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Text for inside a Markdown code span: no backticks or newlines can break out. */
  static String codeSpan(String s) {
    return "`` " + text(s).replace('\n', ' ').replace('`', '\'') + " ``";
  }

  /** A code span inside a Markdown table cell, where a pipe would end the cell. */
  static String codeCell(String s) {
    return codeSpan(s).replace("|", "\\|");
  }

  /** Trims and collapses runs of whitespace to one space. */
  static String collapseWhitespace(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Cuts text to at most {@code max} characters, marking the cut. */
  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
  }
}
