package dev.bulwark.analysis.deobf;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding of string literals: JS/Python {@code 'ev' + 'al'}, Python implicit
 * concatenation {@code 'ev' 'al'}, and {@code ''.join(['ev', 'al'])}.
 */
final class ConcatTechnique implements Technique {
  private static final Pattern PLUS =
      Pattern.compile(Patterns.STR + "(?:\\s*\\+\\s*" + Patterns.STR + ")+");
  private static final Pattern ADJACENT =
      Pattern.compile(Patterns.STR + "(?:[ \\t]+" + Patterns.STR + ")+");
  private static final Pattern JOIN =
      Pattern.compile("join\\(\\s*\\[((?:\\s*" + Patterns.STR + "\\s*,?)+)\\]\\s*\\)");

  @Override
  public List<Reveal> find(String text, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Pattern p : new Pattern[] {PLUS, ADJACENT}) {
      for (Patterns.M m : Patterns.all(p, text)) {
        add(out, m.start(), String.join("", Patterns.literals(m.group())), maxBytes);
      }
    }
    for (Patterns.M m : Patterns.all(JOIN, text)) {
      add(out, m.start(), String.join("", Patterns.literals(m.group(1))), maxBytes);
    }
    return out;
  }

  private static void add(List<Reveal> out, int at, String s, int max) {
    if (s.length() >= 4 && s.length() <= max) {
      out.add(new Reveal("concatenation", at, s, s.length() < 200));
    }
  }
}
