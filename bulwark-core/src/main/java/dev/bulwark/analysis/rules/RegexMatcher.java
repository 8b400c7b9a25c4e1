package dev.bulwark.analysis.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code regex}: an RE2/J pattern, linear time on any input.
 *
 * <p>RE2/J has no DFA: a pattern without a literal prefix runs its NFA at every character, which
 * made these passes most of the scan time on large bundles. So the pattern only runs where it can
 * match: in the engine's regions (windows around its lower-cased pre-filter literals when known),
 * narrowed further to windows around exact-case occurrences of the literals the pattern itself
 * requires ({@link RegexLiterals#exact}), found with {@code String.indexOf}. Every match contains
 * one of those occurrences, so a match shorter than {@link #WINDOW} is never lost.
 */
final class RegexMatcher implements Matcher {
  /** Characters kept on each side of a required literal (the engine uses the same window). */
  static final int WINDOW = 1_024;

  private final Pattern pattern;
  private final Set<String> prefilter;
  private final List<String> exact;

  RegexMatcher(Pattern pattern, Set<String> prefilter) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.prefilter = Set.copyOf(prefilter);
    this.exact = List.copyOf(new java.util.TreeSet<>(RegexLiterals.exact(pattern.pattern(), pattern.flags())));
  }

  Pattern pattern() {
    return pattern;
  }

  Set<String> prefilter() {
    return prefilter;
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    if (!ctx.mayContain(prefilter)) {
      return List.of();
    }
    String text = ctx.text();
    List<Hit> hits = new ArrayList<>();
    for (int[] region : narrow(text, ctx.regexRegions(prefilter), exact, WINDOW)) {
      com.google.re2j.Matcher m = pattern.matcher(text.subSequence(region[0], region[1]));
      while (hits.size() < MatchContext.MAX_HITS && m.find()) {
        hits.add(Hit.of(region[0] + m.start(), region[0] + m.end()));
        if (m.end() == m.start() && m.end() >= region[1] - region[0]) {
          break;
        }
      }
    }
    return Hits.normalize(hits);
  }

  /**
   * The parts of {@code regions} within {@code window} characters of an exact occurrence of one of
   * {@code literals}, merged and sorted; {@code regions} itself when there are no literals.
   * Hand-written interval merging: no library offers it for plain int ranges.
   */
  static List<int[]> narrow(String text, List<int[]> regions, List<String> literals, int window) {
    if (literals.isEmpty()) {
      return regions;
    }
    List<int[]> all = new ArrayList<>();
    for (String lit : literals) {
      int i = -2; // the next occurrence at or after the current region's start; -1 when none
      for (int[] r : regions) {
        if (i != -1 && i < r[0]) {
          i = text.indexOf(lit, r[0]);
        }
        while (i >= 0 && i + lit.length() <= r[1]) {
          add(all, Math.max(r[0], i - window), Math.min(r[1], i + lit.length() + window));
          i = text.indexOf(lit, i + 1);
        }
        if (i < 0) {
          break;
        }
      }
    }
    all.sort(java.util.Comparator.comparingInt(a -> a[0]));
    List<int[]> out = new ArrayList<>();
    for (int[] w : all) {
      add(out, w[0], w[1]);
    }
    return out;
  }

  /** Appends [s, e), merging it into the last window when they touch (s is never before it). */
  private static void add(List<int[]> windows, int s, int e) {
    int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
    if (last != null && last[1] >= s && last[0] <= s) {
      last[1] = Math.max(last[1], e);
    } else {
      windows.add(new int[] {s, e});
    }
  }

  @Override
  public Set<String> requiredLiterals() {
    return prefilter;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexMatcher r && r.pattern.equals(pattern) && r.prefilter.equals(prefilter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern, prefilter);
  }

  @Override
  public String toString() {
    return "RegexMatcher[pattern=" + pattern + ", prefilter=" + prefilter + "]";
  }
}
