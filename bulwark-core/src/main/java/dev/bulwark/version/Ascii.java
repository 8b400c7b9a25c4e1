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
}
