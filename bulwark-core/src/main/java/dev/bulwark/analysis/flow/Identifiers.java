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
    collect(s, out, 0);
    return out;
  }

  /** Templates nest inside substitutions; deeper ones are skipped as plain strings. */
  private static final int MAX_TEMPLATE_DEPTH = 8;

  private static void collect(String s, Set<String> out, int depth) {
    int i = 0;
    while (i < s.length() && out.size() < 512) {
      char c = s.charAt(i);
      if (c == '`' && depth < MAX_TEMPLATE_DEPTH) {
        i = template(s, i, out, depth);
      } else if (c == '`') {
        i = skipString(s, i);
      } else if ((c == '\'' || c == '"') && depth < MAX_TEMPLATE_DEPTH && fPrefix(s, i)) {
        i = fString(s, i, out, depth);
      } else if (c == '\'' || c == '"') {
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
  }

  /**
   * Skips the template literal opening at {@code i}, adding the identifiers of its
   * {@code ${…}} substitutions (their values flow into the string). Returns the index after it.
   */
  private static int template(String s, int i, Set<String> out, int depth) {
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != '`') {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '$' && j + 1 < s.length() && s.charAt(j + 1) == '{') {
        int end = substitutionEnd(s, j + 2);
        collect(s.substring(j + 2, end), out, depth + 1);
        j = end + 1;
      } else {
        j++;
      }
    }
    return j + 1;
  }

  /** Whether the quote at {@code i} opens a Python f-string ({@code f"…"}, {@code rf'…'}, …). */
  private static boolean fPrefix(String s, int i) {
    int j = i - 1;
    boolean f = false;
    while (j >= 0 && i - j <= 2 && "fFrRbB".indexOf(s.charAt(j)) >= 0) {
      f |= s.charAt(j) == 'f' || s.charAt(j) == 'F';
      j--;
    }
    return f && (j < 0 || !Character.isJavaIdentifierPart(s.charAt(j)));
  }

  /**
   * Skips the Python f-string opening at {@code i}, adding the identifiers of its {@code {…}}
   * fields ({@code {{} is a literal brace). Returns the index after it.
   */
  private static int fString(String s, int i, Set<String> out, int depth) {
    char q = s.charAt(i);
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != q && s.charAt(j) != '\n') {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '{' && j + 1 < s.length() && s.charAt(j + 1) == '{') {
        j += 2;
      } else if (c == '{') {
        int end = substitutionEnd(s, j + 1);
        collect(s.substring(j + 1, end), out, depth + 1);
        j = end + 1;
      } else {
        j++;
      }
    }
    return j + 1;
  }

  /** Index of the brace closing a substitution whose body starts at {@code from} (or the end). */
  private static int substitutionEnd(String s, int from) {
    int depth = 0;
    for (int j = from; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\'' || c == '"' || c == '`') {
        j = skipString(s, j) - 1;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return j;
        }
        depth--;
      }
    }
    return s.length();
  }

  /** The index after the string literal opening at {@code i} (past the end when it is left open). */
  static int skipString(String s, int i) {
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
