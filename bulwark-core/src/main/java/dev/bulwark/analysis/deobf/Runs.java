package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Maximal runs of characters of one class (hand-written: a char loop beats an NFA here). */
final class Runs {
  record Run(int start, int end) {}

  private Runs() {}

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
