package dev.bulwark.analysis.deobf;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** Reversed strings: Python {@code '…'[::-1]}, JS {@code '…'.split('').reverse().join('')}. */
final class ReverseTechnique implements Technique {
  private static final Pattern PY = Pattern.compile("b?" + Patterns.STR + "\\s*\\)?\\s*\\[\\s*::\\s*-1\\s*\\]");
  private static final Pattern JS = Pattern.compile(
      Patterns.STR + "\\s*\\.split\\(\\s*(?:''|\"\")\\s*\\)\\s*\\.reverse\\(\\s*\\)\\s*\\.join\\(\\s*(?:''|\"\")\\s*\\)");

  @Override
  public List<Reveal> find(String text, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Pattern p : new Pattern[] {PY, JS}) {
      for (Patterns.M m : Patterns.all(p, text)) {
        String s = new StringBuilder(Decoders.unescape(Patterns.body(m, 1))).reverse().toString();
        if (s.length() >= 4 && s.length() <= maxBytes) {
          out.add(new Reveal("reversed", m.start(), s, s.length() < 200));
        }
      }
    }
    return out;
  }
}
