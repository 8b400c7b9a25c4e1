package dev.bulwark.inventory.npm;

import java.util.ArrayList;
import java.util.List;

/** Tokens of yarn classic lines: whitespace-separated, optionally double-quoted with escapes. */
final class YarnTokens {
  private YarnTokens() {}

  /** Splits a line into tokens; a malformed quote gives an empty list. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '"') {
        StringBuilder b = new StringBuilder();
        i = quoted(s, i, b);
        if (i < 0) {
          return List.of();
        }
        out.add(b.toString());
      } else {
        int j = i;
        while (j < s.length() && s.charAt(j) != ' ' && s.charAt(j) != '\t') {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  /** The comma-separated specifiers of an entry header, unquoted. */
  static List<String> specifiers(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == ',') {
        i++;
      } else if (c == '"') {
        StringBuilder b = new StringBuilder();
        i = quoted(s, i, b);
        if (i < 0) {
          return List.of();
        }
        out.add(b.toString());
      } else {
        int j = s.indexOf(',', i);
        j = j < 0 ? s.length() : j;
        out.add(s.substring(i, j).strip());
        i = j;
      }
    }
    return out;
  }

  /** Reads a quoted string starting at {@code start}; returns the index after it, or -1. */
  private static int quoted(String s, int start, StringBuilder b) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        b.append(c);
      }
      i++;
    }
    return -1;
  }
}
