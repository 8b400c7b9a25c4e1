package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/** Reversed strings: Python {@code '…'[::-1]}, JS {@code '…'.split('').reverse().join('')}. */
final class ReverseTechnique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (!Gates.contains(text, "::-1") && !Gates.contains(text, ".reverse(")) {
      return List.of();
    }
    List<Reveal> out = new ArrayList<>();
    for (Literals.Lit l : lits) {
      if (out.size() >= MAX_CANDIDATES) {
        break;
      }
      int after = l.end();
      int close = Literals.expect(text, after, ")");
      boolean py = Literals.expect(text, after, "[", "::", "-1", "]") >= 0
          || close >= 0 && Literals.expect(text, close, "[", "::", "-1", "]") >= 0;
      boolean js = Literals.expect(text, after, ".split(", "''", ")", ".reverse(", ")", ".join(", "''", ")") >= 0
          || Literals.expect(text, after, ".split(", "\"\"", ")", ".reverse(", ")", ".join(", "\"\"", ")") >= 0;
      if (py || js) {
        String s = new StringBuilder(l.value()).reverse().toString();
        if (s.length() >= 4 && s.length() <= maxBytes) {
          out.add(new Reveal("reversed", l.start(), s, s.length() < 200));
        }
      }
    }
    return out;
  }
}
