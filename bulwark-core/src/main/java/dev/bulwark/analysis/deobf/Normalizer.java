package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.deobf.JsLexer.Kind;
import dev.bulwark.analysis.deobf.JsLexer.Tok;
import java.util.List;

/**
 * Rewrites resolved obfuscated JavaScript into the shape rules expect: {@code x['exec']} becomes
 * {@code x.exec} and {@code 'child_' + 'process'} becomes {@code 'child_process'}. Purely textual,
 * on tokens; whitespace between tokens is kept.
 */
final class Normalizer {
  private Normalizer() {}

  static String normalize(String text) {
    List<Tok> toks = JsLexer.lex(text);
    StringBuilder b = new StringBuilder(text.length());
    int at = 0;
    for (int k = 0; k < toks.size(); k++) {
      Tok t = toks.get(k);
      if (t.is("[") && k > 0 && k + 2 < toks.size() && toks.get(k + 1).kind() == Kind.STR
          && toks.get(k + 2).is("]") && member(toks.get(k - 1)) && identifier(toks.get(k + 1).str())) {
        b.append(text, at, t.start()).append('.').append(toks.get(k + 1).str());
        at = toks.get(k + 2).end();
        k += 2;
      } else if (t.is("(") && k + 2 < toks.size() && toks.get(k + 1).kind() == Kind.STR && toks.get(k + 2).is(")")
          && !(k > 0 && member(toks.get(k - 1)))) {
        // ('Webho') + ('ok'): the parentheses the obfuscator left around a replaced call
        b.append(text, at, t.start()).append(text, toks.get(k + 1).start(), toks.get(k + 1).end());
        at = toks.get(k + 2).end();
        k += 2;
      } else if (t.kind() == Kind.STR && escaped(text, t) && !(k + 2 < toks.size() && toks.get(k + 1).is("+")
          && toks.get(k + 2).kind() == Kind.STR)) {
        // '\x64\x69\x73' becomes 'dis': obfuscators escape the strings they leave in place
        b.append(text, at, t.start()).append(StringArrayResolver.quote(t.str()));
        at = t.end();
      } else if (t.kind() == Kind.STR && k + 2 < toks.size() && toks.get(k + 1).is("+")
          && toks.get(k + 2).kind() == Kind.STR && !(k > 0 && tighter(toks.get(k - 1)))) {
        StringBuilder s = new StringBuilder(t.str());
        int j = k;
        while (j + 2 < toks.size() && toks.get(j + 1).is("+") && toks.get(j + 2).kind() == Kind.STR
            && s.length() < 1 << 20) {
          s.append(toks.get(j + 2).str());
          j += 2;
        }
        b.append(text, at, t.start()).append(StringArrayResolver.quote(s.toString()));
        at = toks.get(j).end();
        k = j;
      }
    }
    return b.append(text, at, text.length()).toString();
  }

  private static boolean member(Tok prev) {
    return prev.kind() == Kind.IDENT && !prev.text().equals("return") && !prev.text().equals("typeof")
        && !prev.text().equals("case") || prev.is(")") || prev.is("]");
  }

  /** An operator that binds tighter than '+' or makes the left string part of a number sum. */
  private static boolean tighter(Tok prev) {
    return prev.is("*") || prev.is("/") || prev.is("%") || prev.is("+") || prev.is("-") || prev.is(".")
        || prev.kind() == Kind.IDENT && !prev.text().equals("return");
  }

  /** A quoted string literal written with backslash-x or backslash-u escapes. */
  private static boolean escaped(String text, Tok t) {
    char q = text.charAt(t.start());
    if (q != '\'' && q != '"') {
      return false;
    }
    for (int i = t.start() + 1; i + 1 < t.end(); i++) {
      if (text.charAt(i) == '\\' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'u')) {
        return true;
      }
    }
    return false;
  }

  static boolean identifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) || s.length() > 64) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
