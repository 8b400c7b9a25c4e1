package dev.bulwark.analysis;

/** Char-by-char lower-casing that keeps offsets (String.toLowerCase may change the length). */
final class LowerCase {
  private LowerCase() {}

  static String of(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }
}
