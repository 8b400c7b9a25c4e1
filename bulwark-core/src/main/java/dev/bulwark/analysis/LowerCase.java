package dev.bulwark.analysis;

/** Char-by-char lower-casing that keeps offsets (String.toLowerCase may change the length). */
final class LowerCase {
  private LowerCase() {}

  static String of(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char x = c[i];
      // ASCII fast path: Character.toLowerCase changes only A-Z below 128
      c[i] = x < 128 ? (x >= 'A' && x <= 'Z' ? (char) (x + 32) : x) : Character.toLowerCase(x);
    }
    return new String(c);
  }
}
