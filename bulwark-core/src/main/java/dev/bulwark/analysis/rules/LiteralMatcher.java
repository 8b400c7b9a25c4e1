package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code literal} / {@code literal-ci}: any of the strings occurs. The engine's Aho–Corasick
 * pre-filter already decided that one occurs; here String.indexOf (an intrinsic) finds where.
 */
final class LiteralMatcher implements Matcher {
  private final List<String> literals;
  private final boolean ignoreCase;
  private final Set<String> required;

  LiteralMatcher(List<String> literals, boolean ignoreCase) {
    this.literals = List.copyOf(literals);
    this.ignoreCase = ignoreCase;
    Set<String> out = new TreeSet<>();
    for (String l : this.literals) {
      out.add(lower(l));
    }
    this.required = Set.copyOf(out);
  }

  List<String> literals() {
    return literals;
  }

  boolean ignoreCase() {
    return ignoreCase;
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    if (!ctx.mayContain(requiredLiterals())) {
      return List.of();
    }
    String hay = ignoreCase ? ctx.lowerText() : ctx.text();
    List<Hit> hits = new ArrayList<>();
    for (String lit : literals) {
      String needle = ignoreCase ? lower(lit) : lit;
      int from = 0;
      int found = 0;
      while (found < MatchContext.MAX_HITS) {
        int i = hay.indexOf(needle, from);
        if (i < 0) {
          break;
        }
        hits.add(Hit.of(i, i + needle.length()));
        found++;
        from = i + Math.max(1, needle.length());
      }
    }
    return Hits.normalize(hits);
  }

  @Override
  public Set<String> requiredLiterals() {
    return required;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LiteralMatcher m && m.literals.equals(literals) && m.ignoreCase == ignoreCase;
  }

  @Override
  public int hashCode() {
    return literals.hashCode() * 31 + Boolean.hashCode(ignoreCase);
  }

  @Override
  public String toString() {
    return "LiteralMatcher[literals=" + literals + ", ignoreCase=" + ignoreCase + "]";
  }

  /** Lower-cases char by char so that offsets stay the same as in the original text. */
  static String lower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  static String lowerRoot(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
