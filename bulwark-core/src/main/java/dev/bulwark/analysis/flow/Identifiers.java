package dev.bulwark.analysis.flow;

import java.util.LinkedHashSet;
import java.util.Set;

/** Identifier tokens in code fragments (hand-written tokenizer: no regex on untrusted text). */
final class Identifiers {
  private static final Set<String> KEYWORDS = Set.of("const", "let", "var", "new", "await", "async",
      "function", "return", "true", "false", "null", "undefined", "this", "None", "True", "False",
      "lambda", "for", "in", "of", "if", "else", "and", "or", "not", "self", "typeof", "void");

  private Identifiers() {}

  static Set<String> of(String s) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    while (i < s.length() && out.size() < 512) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipString(s, i);
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i;
        while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        boolean member = i > 0 && s.charAt(i - 1) == '.';
        String id = s.substring(i, j);
        if (!member && !KEYWORDS.contains(id)) {
          out.add(id);
        }
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int skipString(String s, int i) {
    char q = s.charAt(i);
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != q) {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return j + 1;
  }

  /** The first identifier of a callee such as {@code res.on} ("res"), "" for a plain name. */
  static String base(String callee) {
    int dot = callee.indexOf('.');
    if (dot <= 0) {
      return "";
    }
    String b = callee.substring(0, dot).trim();
    for (int i = 0; i < b.length(); i++) {
      if (!Character.isJavaIdentifierPart(b.charAt(i))) {
        return "";
      }
    }
    return b;
  }

  /**
   * Parameter names of arrow functions and function expressions in an argument list: {@code
   * (res) =>}, {@code res =>}, {@code function (res)}, Python {@code lambda r:}.
   */
  static Set<String> callbackParams(String args) {
    Set<String> out = new LinkedHashSet<>();
    int from = 0;
    while (out.size() < 32) {
      int arrow = args.indexOf("=>", from);
      int fn = args.indexOf("function", from);
      if (arrow < 0 && fn < 0) {
        break;
      }
      if (arrow >= 0 && (fn < 0 || arrow < fn)) {
        int end = arrow;
        int start = args.charAt(Math.max(0, end - 1)) == ')' || args.substring(0, end).trim().endsWith(")")
            ? args.lastIndexOf('(', end) : lastTokenStart(args, end);
        if (start >= 0) {
          out.addAll(of(args.substring(start, end)));
        }
        from = arrow + 2;
      } else {
        int open = args.indexOf('(', fn);
        int close = open < 0 ? -1 : args.indexOf(')', open);
        if (close > open) {
          out.addAll(of(args.substring(open + 1, close)));
        }
        from = fn + 8;
      }
    }
    return out;
  }

  private static int lastTokenStart(String s, int end) {
    int j = end - 1;
    while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
      j--;
    }
    while (j >= 0 && Character.isJavaIdentifierPart(s.charAt(j))) {
      j--;
    }
    return j + 1;
  }
}
