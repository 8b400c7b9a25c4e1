package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding of string literals: JS/Python {@code 'ev' + 'al'}, Python implicit
 * concatenation {@code 'ev' 'al'}, {@code ''.join(['ev', 'al'])}, and a list of literals bound to
 * a name that is joined with an empty separator elsewhere in the file ({@code parts = ['ev', 'al']}
 * … {@code "".join(parts)}, JavaScript {@code parts.join('')}).
 */
final class ConcatTechnique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    int i = 0;
    while (i < lits.size() && out.size() < MAX_CANDIDATES) {
      Literals.Lit first = lits.get(i);
      int joinAt = Literals.endsWith(text, first.start(), "[");
      boolean join = joinAt >= 0 && (Literals.endsWith(text, joinAt, "join(") >= 0 || joinedByName(text, joinAt));
      StringBuilder b = new StringBuilder(first.value());
      int j = i + 1;
      while (j < lits.size() && b.length() <= maxBytes && joined(text, lits.get(j - 1), lits.get(j), join)) {
        b.append(lits.get(j).value());
        j++;
      }
      if (j - i >= 2 && b.length() >= 4 && b.length() <= maxBytes) {
        out.add(new Reveal("concatenation", first.start(), b.toString(), b.length() < 200));
      }
      i = j;
    }
    return out;
  }

  /**
   * Whether the list opening at {@code open} is bound to a name ({@code name = [}) that the file
   * joins with an empty separator: Python {@code ''.join(name)}, JavaScript {@code name.join('')}.
   */
  static boolean joinedByName(String t, int open) {
    int eq = Literals.endsWith(t, open, "=");
    if (eq < 0 || eq > 0 && "=!<>+-*/%&|^:".indexOf(t.charAt(eq - 1)) >= 0) {
      return false;
    }
    int end = Literals.skipSpaceBack(t, eq);
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(t.charAt(start - 1))) {
      start--;
    }
    if (start == end || start > 0 && t.charAt(start - 1) == '.' || !Character.isJavaIdentifierStart(t.charAt(start))) {
      return false;
    }
    String name = t.substring(start, end);
    for (String q : new String[] {"''", "\"\""}) {
      if (t.contains(q + ".join(" + name + ")") || t.contains(name + ".join(" + q + ")")) {
        return true;
      }
    }
    return false;
  }

  /** Whether two literals are joined: by '+', by whitespace only, or by ',' inside join([…]). */
  private static boolean joined(String t, Literals.Lit a, Literals.Lit b, boolean join) {
    String between = t.substring(a.end(), b.start()).strip();
    return between.equals("+") || between.isEmpty() && a.end() < b.start() || join && between.equals(",");
  }
}
