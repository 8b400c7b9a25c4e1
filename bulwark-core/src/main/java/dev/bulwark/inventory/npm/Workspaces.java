package dev.bulwark.inventory.npm;

import java.util.List;

/**
 * Matches a folder against workspace globs such as "packages/*" or "apps/**". Hand-written because
 * workspace globs only use '*' and '**' per path segment and RE2/J would be heavier than needed.
 */
final class Workspaces {
  private Workspaces() {}

  /** Patterns looked at, at most: the list comes from the (untrusted) lockfile. */
  static final int MAX_PATTERNS = 100;

  static boolean matches(List<String> patterns, String path) {
    String p = trim(path);
    for (String pattern : patterns.subList(0, Math.min(patterns.size(), MAX_PATTERNS))) {
      if (pattern.startsWith("!") || pattern.length() > 200
          || doubleStars(pattern) > 2) {
        continue;
      }
      if (match(trim(pattern).split("/", -1), 0, p.split("/", -1), 0)) {
        return true;
      }
    }
    return false;
  }

  private static int doubleStars(String pattern) {
    int n = 0;
    for (int i = pattern.indexOf("**"); i >= 0; i = pattern.indexOf("**", i + 2)) {
      n++;
    }
    return n;
  }

  private static String trim(String s) {
    String t = s.startsWith("./") ? s.substring(2) : s;
    return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }

  private static boolean match(String[] pat, int i, String[] seg, int j) {
    if (i == pat.length) {
      return j == seg.length;
    }
    if (pat[i].equals("**")) {
      for (int k = j; k <= seg.length; k++) {
        if (match(pat, i + 1, seg, k)) {
          return true;
        }
      }
      return false;
    }
    return j < seg.length && segment(pat[i], seg[j]) && match(pat, i + 1, seg, j + 1);
  }

  /** One segment with '*' wildcards, matched greedily from both ends. */
  private static boolean segment(String pat, String s) {
    int star = pat.indexOf('*');
    if (star < 0) {
      return pat.equals(s);
    }
    String head = pat.substring(0, star);
    String tail = pat.substring(pat.lastIndexOf('*') + 1);
    return s.length() >= head.length() + tail.length() && s.startsWith(head) && s.endsWith(tail);
  }
}
