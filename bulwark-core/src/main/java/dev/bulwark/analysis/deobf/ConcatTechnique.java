package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding of string literals: JS/Python {@code 'ev' + 'al'}, Python implicit
 * concatenation {@code 'ev' 'al'}, and {@code ''.join(['ev', 'al'])}.
 */
final class ConcatTechnique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    int i = 0;
    while (i < lits.size() && out.size() < MAX_CANDIDATES) {
      Literals.Lit first = lits.get(i);
      int joinAt = Literals.endsWith(text, first.start(), "[");
      boolean join = joinAt >= 0 && Literals.endsWith(text, joinAt, "join(") >= 0;
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

  /** Whether two literals are joined: by '+', by whitespace only, or by ',' inside join([…]). */
  private static boolean joined(String t, Literals.Lit a, Literals.Lit b, boolean join) {
    String between = t.substring(a.end(), b.start()).strip();
    return between.equals("+") || between.isEmpty() && a.end() < b.start() || join && between.equals(",");
  }
}
