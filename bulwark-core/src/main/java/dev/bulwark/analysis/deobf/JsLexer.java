package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small JavaScript tokenizer for the string-array resolver: identifiers, numbers, strings
 * (escapes resolved), punctuators; comments skipped; regex and template literals kept as opaque
 * tokens. Hand-written because the resolver needs exact token offsets and brace matching on
 * obfuscated one-line files, and a tree-sitter parse of every candidate file would cost far more
 * than this linear pass. Bounded by {@link #MAX_TOKENS}.
 */
final class JsLexer {
  /** At most this many tokens are produced per text. */
  static final int MAX_TOKENS = 1_000_000;

  enum Kind { IDENT, NUM, STR, PUNCT, OTHER }

  /**
   * One token.
   *
   * @param text identifier or punctuator text, the raw text of numbers and opaque tokens
   * @param str the decoded value of a string literal ("" otherwise)
   */
  record Tok(Kind kind, int start, int end, String text, String str) {
    boolean is(String s) {
      return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }
  }

  private static final String[] PUNCTS = {">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=",
      "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
      "&=", "|=", "^=", "**", "<<", ">>"};

  /** Keywords after which a '/' starts a regex literal rather than a division. */
  private static final Set<String> REGEX_AFTER = Set.of("return", "typeof", "case", "in", "of", "new", "delete",
      "void", "throw", "else", "do", "yield", "await", "instanceof");

  private static final String[] SINGLE = new String[128];

  static {
    for (int c = 0; c < 128; c++) {
      SINGLE[c] = c == 0 ? "" : String.valueOf((char) c).intern();
    }
  }

  private JsLexer() {}

  static List<Tok> lex(String t) {
    List<Tok> out = new ArrayList<>();
    int n = t.length();
    int i = 0;
    while (i < n && out.size() < MAX_TOKENS) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
        int nl = t.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
        int e = t.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c == '\'' || c == '"') {
        int e = stringEnd(t, i, c);
        String body = t.substring(i + 1, Math.max(i + 1, e - 1));
        out.add(new Tok(Kind.STR, i, e, "", body.indexOf('\\') < 0 ? body : Decoders.unescape(body)));
        i = e;
      } else if (c == '`') {
        int e = templateEnd(t, i);
        String body = t.substring(i + 1, Math.max(i + 1, e - 1));
        boolean plain = !body.contains("${");
        out.add(new Tok(plain ? Kind.STR : Kind.OTHER, i, e, plain ? "" : "`", plain ? Decoders.unescape(body) : ""));
        i = e;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(t.charAt(i + 1))) {
        int e = numberEnd(t, i);
        out.add(new Tok(Kind.NUM, i, e, t.substring(i, e), ""));
        i = e;
      } else if (Character.isJavaIdentifierStart(c)) {
        int e = i + 1;
        while (e < n && Character.isJavaIdentifierPart(t.charAt(e)) && t.charAt(e) != '\u0000') {
          e++;
        }
        out.add(new Tok(Kind.IDENT, i, e, t.substring(i, e), ""));
        i = e;
      } else if (c == '/' && regexAllowed(out)) {
        int e = regexEnd(t, i);
        out.add(new Tok(Kind.OTHER, i, e, "/", ""));
        i = e;
      } else {
        String p = punct(t, i);
        out.add(new Tok(Kind.PUNCT, i, i + p.length(), p, ""));
        i += p.length();
      }
    }
    return out;
  }

  private static int stringEnd(String t, int i, char q) {
    int j = i + 1;
    while (j < t.length()) {
      char c = t.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == q || c == '\n') {
        return j + 1;
      } else {
        j++;
      }
    }
    return t.length();
  }

  /** End of a template literal, counting ${ } nesting (strings inside are not tracked). */
  private static int templateEnd(String t, int i) {
    int depth = 0;
    int j = i + 1;
    while (j < t.length()) {
      char c = t.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '$' && j + 1 < t.length() && t.charAt(j + 1) == '{') {
        depth++;
        j += 2;
        continue;
      }
      if (c == '}' && depth > 0) {
        depth--;
      } else if (c == '`' && depth == 0) {
        return j + 1;
      }
      j++;
    }
    return t.length();
  }

  private static int numberEnd(String t, int i) {
    int j = i;
    while (j < t.length()) {
      char c = t.charAt(j);
      boolean exp = (c == '+' || c == '-') && j > i && (t.charAt(j - 1) == 'e' || t.charAt(j - 1) == 'E')
          && !(t.startsWith("0x", i) || t.startsWith("0X", i));
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exp) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean regexAllowed(List<Tok> out) {
    if (out.isEmpty()) {
      return true;
    }
    Tok p = out.get(out.size() - 1);
    return switch (p.kind()) {
      case NUM, STR, OTHER -> false;
      case IDENT -> REGEX_AFTER.contains(p.text());
      case PUNCT -> !p.text().equals(")") && !p.text().equals("]") && !p.text().equals("}");
    };
  }

  private static int regexEnd(String t, int i) {
    boolean cls = false;
    int j = i + 1;
    while (j < t.length()) {
      char c = t.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '\n') {
        return j;
      }
      if (c == '[') {
        cls = true;
      } else if (c == ']') {
        cls = false;
      } else if (c == '/' && !cls) {
        j++;
        while (j < t.length() && Character.isLetter(t.charAt(j))) {
          j++;
        }
        return j;
      }
      j++;
    }
    return t.length();
  }

  private static String punct(String t, int i) {
    char c = t.charAt(i);
    if ("=!<>&|?*+-./%^".indexOf(c) < 0 || i + 1 >= t.length() || "=<>&|?*+-.".indexOf(t.charAt(i + 1)) < 0) {
      return SINGLE[c < 128 ? c : 0].isEmpty() ? String.valueOf(c) : SINGLE[c];
    }
    for (String p : PUNCTS) {
      if (t.startsWith(p, i)) {
        return p;
      }
    }
    return String.valueOf(t.charAt(i));
  }

  /** For each '(', '[' and '{' token index, the index of its closing token (-1 when unmatched). */
  static int[] matching(List<Tok> toks) {
    int[] match = new int[toks.size()];
    java.util.Arrays.fill(match, -1);
    int[] stack = new int[toks.size() + 1];
    int sp = 0;
    for (int k = 0; k < toks.size(); k++) {
      Tok tk = toks.get(k);
      if (tk.kind() != Kind.PUNCT) {
        continue;
      }
      String s = tk.text();
      if (s.equals("(") || s.equals("[") || s.equals("{")) {
        stack[sp++] = k;
      } else if ((s.equals(")") || s.equals("]") || s.equals("}")) && sp > 0) {
        int open = stack[--sp];
        match[open] = k;
        match[k] = open;
      }
    }
    return match;
  }
}
