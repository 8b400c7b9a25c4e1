package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Maximal runs of characters of one class (hand-written: a char loop beats an NFA here). */
final class Runs {
  record Run(int start, int end) {}

  /** Maximal runs of base64 characters and of hex digits, from {@link #base64AndHex}. */
  record Classes(List<Run> base64, List<Run> hex) {}

  private static final byte BASE64 = 1;
  private static final byte HEX = 2;
  private static final byte[] CLASS = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      CLASS[c] = (byte) ((base64(c) ? BASE64 : 0) | (hex(c) ? HEX : 0));
    }
  }

  private Runs() {}

  /**
   * {@code of(t, Runs::base64, minBase64)} and {@code of(t, Runs::hex, minHex)} in one pass over
   * the text (each list capped the same way).
   */
  static Classes base64AndHex(String t, int minBase64, int minHex) {
    List<Run> b64 = new ArrayList<>();
    List<Run> hex = new ArrayList<>();
    int n = t.length();
    int b = -1;
    int h = -1;
    for (int i = 0; i <= n; i++) {
      int c = i < n ? t.charAt(i) : 0;
      int k = c < 128 ? CLASS[c] : 0;
      if ((k & BASE64) != 0) {
        if (b < 0) {
          b = i;
        }
      } else if (b >= 0) {
        if (i - b >= minBase64 && b64.size() < Technique.MAX_CANDIDATES) {
          b64.add(new Run(b, i));
        }
        b = -1;
      }
      if ((k & HEX) != 0) {
        if (h < 0) {
          h = i;
        }
      } else if (h >= 0) {
        if (i - h >= minHex && hex.size() < Technique.MAX_CANDIDATES) {
          hex.add(new Run(h, i));
        }
        h = -1;
      }
    }
    return new Classes(b64, hex);
  }

  static List<Run> of(String t, IntPredicate inRun, int minLength) {
    List<Run> out = new ArrayList<>();
    int i = 0;
    int n = t.length();
    while (i < n && out.size() < Technique.MAX_CANDIDATES) {
      if (!inRun.test(t.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && inRun.test(t.charAt(j))) {
        j++;
      }
      if (j - i >= minLength) {
        out.add(new Run(i, j));
      }
      i = j;
    }
    return out;
  }

  static boolean base64(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
        || c == '_' || c == '-' || c == '=';
  }

  static boolean hex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Runs of escape sequences (\xHH, \\uHHHH, \\u{…}, \OOO): returns [start, end) pairs. */
  static List<Run> escapes(String t, int minCount) {
    List<Run> out = new ArrayList<>();
    int i = t.indexOf('\\');
    while (i >= 0 && i < t.length() && out.size() < Technique.MAX_CANDIDATES) {
      int j = i;
      int count = 0;
      int len;
      while ((len = escapeLength(t, j)) > 0) {
        j += len;
        count++;
      }
      if (count >= minCount) {
        out.add(new Run(i, j));
      }
      i = t.indexOf('\\', Math.max(j, i + 1));
    }
    return out;
  }

  private static int escapeLength(String t, int i) {
    if (i + 1 >= t.length() || t.charAt(i) != '\\') {
      return 0;
    }
    char k = t.charAt(i + 1);
    if (k == 'x' && hexAt(t, i + 2, 2)) {
      return 4;
    }
    if (k == 'u' && hexAt(t, i + 2, 4)) {
      return 6;
    }
    if (k == 'u' && i + 2 < t.length() && t.charAt(i + 2) == '{') {
      int close = t.indexOf('}', i + 3);
      return close > i + 3 && close - i - 3 <= 6 && hexAt(t, i + 3, close - i - 3) ? close - i + 1 : 0;
    }
    if (k >= '0' && k <= '7' && i + 3 < t.length() && isOct(t.charAt(i + 2)) && isOct(t.charAt(i + 3))) {
      return 4;
    }
    return 0;
  }

  private static boolean isOct(char c) {
    return c >= '0' && c <= '7';
  }

  private static boolean hexAt(String t, int from, int len) {
    if (from + len > t.length()) {
      return false;
    }
    for (int i = from; i < from + len; i++) {
      if (!hex(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
