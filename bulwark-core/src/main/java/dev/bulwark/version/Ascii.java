package dev.bulwark.version;

import java.math.BigInteger;

/**
 * ASCII-only character tests shared by both version parsers. Neither npm nor PEP 440 accepts
 * non-ASCII digits or letters, and {@link Character#isDigit} or {@link BigInteger#BigInteger(String)}
 * would silently accept other scripts' digits, so everything goes through these helpers.
 */
final class Ascii {
  private Ascii() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(char c) {
    return isDigit(c) || isLetter(c);
  }

  static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** End index of the run of ASCII digits starting at {@code from}. */
  static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Parses a non-empty run of ASCII digits of any length. */
  static BigInteger number(String digits) {
    return new BigInteger(digits);
  }

  /** Lower-cases ASCII letters only, leaving every other character as it is. */
  static String lower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return b.toString();
  }

  /**
   * Python's {@code str.isspace()}, which PEP 440 tooling uses for the whitespace it strips: Java's
   * whitespace plus the no-break spaces and NEL.
   */
  static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /** Strips {@link #isPythonSpace} characters from both ends. */
  static String stripPython(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPythonSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** JavaScript's whitespace ({@code \s}, {@code trim()}), which node-semver splits and trims on. */
  static boolean isJsSpace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f',
          '\u205f', '\u3000', '\ufeff' -> true;
      default -> c >= '\u2000' && c <= '\u200a';
    };
  }

  /** Strips {@link #isJsSpace} characters from both ends. */
  static String stripJs(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }
}
