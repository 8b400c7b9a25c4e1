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
 *
 * <p>Inside each window, when {@link RegexAnchors} can say where a match may start (every match
 * has one of a few literals at a bounded offset from its start), the pattern is tried anchored at
 * just those starts, in order, instead of stepping the NFA over every character. That gives the
 * same matches as {@code find()} over the window: the leftmost start at or after the previous
 * match's end is the first candidate at which an anchored match succeeds, and leftmost-first picks
 * at that start what an anchored match picks. An attempt reads the window from one character
 * before its start ({@code \A(?s:.)} consumes it), so {@code \b} and {@code ^} see the same
 * context. Starts inside a surrogate pair are skipped (RE2/J never starts a match there); a window
 * where anchored attempts could cost more than one pass, counted from the candidates and
 * {@link RegexAnchors.Plan#affordable}, runs the plain {@code find()} loop instead.
 */
final class RegexMatcher implements Matcher {
  /** Characters kept on each side of a required literal (the engine uses the same window). */
  static final int WINDOW = 1_024;

  private final Pattern pattern;
  private final Set<String> prefilter;
  private final List<String> exact;
  /** Where matches can start (see {@link RegexAnchors}); null when unknown (then every window runs the plain loop). */
  private final RegexAnchors.Plan plan;
  /**
   * The pattern anchored at the start of its input, and anchored one character into it (that
   * character is the context); compiled on first use, as most rules never get that far (a race
   * only compiles them twice).
   */
  private volatile Pattern[] anchoredPatterns;

  RegexMatcher(Pattern pattern, Set<String> prefilter) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.prefilter = Set.copyOf(prefilter);
    this.exact = List.copyOf(new java.util.TreeSet<>(RegexLiterals.exact(pattern.pattern(), pattern.flags())));
    RegexAnchors.Plan p = RegexAnchors.of(pattern.pattern(), pattern.flags()).orElse(null);
    this.plan = p;
    Set<String> track = new java.util.TreeSet<>();
    exact.forEach(l -> track.add(LiteralMatcher.lower(l)));
    if (p != null) {
      p.anchors().stream().filter(x -> x.literal().length() >= MIN_TRACKED)
          .forEach(x -> track.add(LiteralMatcher.lower(x.literal())));
    }
    this.positionLiterals = Set.copyOf(track);
  }

  /** Shorter literals are found with {@code indexOf}: too frequent to record every position. */
  static final int MIN_TRACKED = 3;

  private final Set<String> positionLiterals;

  @Override
  public Set<String> positionLiterals() {
    return positionLiterals;
  }

  /**
   * Every exact-case occurrence of {@code literal} in the context's text, sorted, from the
   * engine's pass (positions of its lower-cased form whose text has this case); null when the
   * engine did not record them.
   */
  private static int[] occurrences(MatchContext ctx, String literal, boolean folded) {
    String low = LiteralMatcher.lower(literal);
    int[] at = ctx.positions(low);
    if (at == null || folded) {
      return at;
    }
    String text = ctx.text();
    int n = 0;
    int[] out = new int[at.length];
    for (int p : at) {
      if (text.startsWith(literal, p)) {
        out[n++] = p;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** [at start, after one character]: a valid pattern stays valid inside {@code \A(?:…)}. */
  private Pattern[] anchoredPatterns() {
    Pattern[] p = anchoredPatterns;
    if (p == null) {
      p = new Pattern[] {
        Pattern.compile("\\A(?:" + pattern.pattern() + ")", pattern.flags()),
        Pattern.compile("\\A(?s:.)(?:" + pattern.pattern() + ")", pattern.flags()),
      };
      anchoredPatterns = p;
    }
    return p;
  }

  /** Whether anchored attempts are possible for this pattern (for tests). */
  boolean anchored() {
    return plan != null;
  }

  Pattern pattern() {
    return pattern;
  }

  Set<String> prefilter() {
    return prefilter;
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    return find(ctx, true);
  }

  /**
   * {@link #find} as it was before anchored attempts: {@code indexOf} for the literals and the
   * plain {@code find()} loop in every window (the reference, for tests).
   */
  List<Hit> findPlain(MatchContext ctx) {
    return find(ctx, false);
  }

  private List<Hit> find(MatchContext ctx, boolean anchoredAttempts) {
    if (!ctx.mayContain(prefilter)) {
      return List.of();
    }
    String text = ctx.text();
    List<Hit> hits = new ArrayList<>();
    List<int[]> windows = anchoredAttempts
        ? narrow(text, ctx.regexRegions(prefilter), exact, WINDOW, l -> occurrences(ctx, l, false))
        : narrow(text, ctx.regexRegions(prefilter), exact, WINDOW);
    int[][] starts = !anchoredAttempts || plan == null || windows.isEmpty()
        || plan.longS() && text.indexOf('\u017F') >= 0 ? null
        : candidates(ctx, plan.folded() ? ctx.lowerText() : text, windows.get(0)[0], windows.get(windows.size() - 1)[1]);
    for (int[] region : windows) {
      if (starts == null || !anchoredFind(text, region[0], region[1], starts, hits)) {
        plainFind(text, region[0], region[1], 0, hits);
      }
    }
    return Hits.normalize(hits);
  }

  /** The {@code find()} loop over the window [a, b), from window offset {@code from}. */
  private void plainFind(String text, int a, int b, int from, List<Hit> hits) {
    com.google.re2j.Matcher m = pattern.matcher(text.subSequence(a, b));
    boolean first = true;
    while (hits.size() < MatchContext.MAX_HITS && (first ? m.find(from) : m.find())) {
      first = false;
      hits.add(Hit.of(a + m.start(), a + m.end()));
      if (m.end() == m.start() && m.end() >= b - a) {
        break;
      }
    }
  }

  /** Anchored attempts per window cost at most this many characters read per window character. */
  static final int ANCHORED_COST = 4;

  /**
   * The matches of the window [a, b) found by anchored attempts at the candidate starts; false
   * (nothing added) when that could cost more than a plain pass.
   */
  private boolean anchoredFind(String text, int a, int b, int[][] candidates, List<Hit> hits) {
    int[] starts = candidates[0];
    int lo = firstAtOrAfter(starts, a);
    int hi = firstAtOrAfter(starts, b);
    int[] perAlt = new int[candidates.length - 1];
    for (int k = 0; k < perAlt.length; k++) {
      perAlt[k] = firstAtOrAfter(candidates[k + 1], b) - firstAtOrAfter(candidates[k + 1], a);
    }
    long budget = (long) ANCHORED_COST * (b - a) + 4_096;
    if (!plan.affordable(text, a, b, perAlt, hi - lo, budget)) {
      return false;
    }
    int pos = a;
    Pattern[] anchoredAt = anchoredPatterns();
    for (int k = lo; k < hi && hits.size() < MatchContext.MAX_HITS; k++) {
      int s = starts[k];
      if (s < pos) {
        continue;
      }
      if (s > a && Character.isHighSurrogate(text.charAt(s - 1)) && Character.isLowSurrogate(text.charAt(s))) {
        if (s > pos) {
          continue; // inside a pair: RE2/J steps over it
        }
        plainFind(text, a, b, pos - a, hits); // the one-character context would take the pair
        return true;
      }
      com.google.re2j.Matcher m = s == a
          ? anchoredAt[0].matcher(java.nio.CharBuffer.wrap(text, a, b))
          : anchoredAt[1].matcher(java.nio.CharBuffer.wrap(text, s - 1, b));
      if (m.lookingAt()) {
        int e = (s == a ? a : s - 1) + m.end();
        hits.add(Hit.of(s, e));
        pos = e; // never empty: every match contains an anchor literal
      }
    }
    return true;
  }

  private static int firstAtOrAfter(int[] sorted, int key) {
    int i = java.util.Arrays.binarySearch(sorted, key);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * Candidate starts in [from, to): each anchor literal's occurrences minus its offsets. Element 0
   * holds them all, sorted and distinct; element 1 + k those of top-level alternative k, sorted.
   * Null when there are more than half as many as characters (a plain pass is cheaper).
   */
  private int[][] candidates(MatchContext ctx, String hay, int from, int to) {
    String text = ctx.text();
    int cap = (to - from) / 2 + 64;
    int alts = plan.alts().size();
    int[][] out = new int[alts + 1][];
    int[] n = new int[alts + 1];
    for (int k = 0; k <= alts; k++) {
      out[k] = new int[8];
    }
    for (RegexAnchors.Anchor an : plan.anchors()) {
      int k = an.alt() + 1;
      int[] known = an.literal().length() >= MIN_TRACKED ? occurrences(ctx, an.literal(), plan.folded()) : null;
      int next = known == null ? 0 : firstAtOrAfter(known, from);
      // a match lies inside one window, so a walk-back anchor's literal starts before `to`
      int limit = an.walksBack() ? to : to + an.hi();
      for (int p = known == null ? hay.indexOf(an.literal(), from) : next < known.length ? known[next] : -1;
          p >= 0 && p < limit;
          p = known == null ? hay.indexOf(an.literal(), p + 1) : ++next < known.length ? known[next] : -1) {
        if (an.walksBack()) {
          // every start from the beginning of the stretch of `back` characters that ends at p
          // (read in the text itself: the lower-cased one may differ outside ASCII)
          int last = Math.min(p - an.lo(), to - 1);
          int s = p;
          while (s > from && an.back().has(text.charAt(s - 1))) {
            if (p - s >= cap) {
              return null; // more starts than a plain pass costs
            }
            s--;
          }
          for (; s <= last; s++) {
            if (n[0] >= cap) {
              return null;
            }
            out[0] = push(out[0], n[0]++, s);
            out[k] = push(out[k], n[k]++, s);
          }
          continue;
        }
        for (int o = an.lo(); o <= an.hi(); o++) {
          int s = p - o;
          if (s >= from && s < to) {
            if (n[0] >= cap) {
              return null;
            }
            out[0] = push(out[0], n[0]++, s);
            out[k] = push(out[k], n[k]++, s);
          }
        }
      }
    }
    for (int k = 0; k <= alts; k++) {
      java.util.Arrays.sort(out[k], 0, n[k]);
    }
    int d = 0;
    int[] all = out[0];
    for (int k = 0; k < n[0]; k++) {
      if (d == 0 || all[d - 1] != all[k]) {
        all[d++] = all[k];
      }
    }
    n[0] = d;
    for (int k = 0; k <= alts; k++) {
      out[k] = java.util.Arrays.copyOf(out[k], n[k]);
    }
    return out;
  }

  private static int[] push(int[] a, int at, int v) {
    int[] b = at == a.length ? java.util.Arrays.copyOf(a, at * 2) : a;
    b[at] = v;
    return b;
  }

  /**
   * The parts of {@code regions} within {@code window} characters of an exact occurrence of one of
   * {@code literals}, merged and sorted; {@code regions} itself when there are no literals.
   * Hand-written interval merging: no library offers it for plain int ranges.
   */
  static List<int[]> narrow(String text, List<int[]> regions, List<String> literals, int window) {
    return narrow(text, regions, literals, window, l -> null);
  }

  /**
   * {@link #narrow(String, List, List, int)}, taking each literal's occurrences from {@code known}
   * when it has them (sorted exact-case starts; null: look them up with {@code indexOf}). Either
   * way the windows are those around occurrences that lie wholly inside a region.
   */
  static List<int[]> narrow(String text, List<int[]> regions, List<String> literals, int window,
      java.util.function.Function<String, int[]> known) {
    if (literals.isEmpty()) {
      return regions;
    }
    List<int[]> all = new ArrayList<>();
    for (String lit : literals) {
      int[] at = regions.isEmpty() ? null : known.apply(lit);
      if (at != null) {
        int ri = 0;
        for (int p : at) {
          while (ri < regions.size() && regions.get(ri)[1] < p + lit.length()) {
            ri++;
          }
          if (ri == regions.size()) {
            break;
          }
          int[] r = regions.get(ri);
          if (p >= r[0]) {
            add(all, Math.max(r[0], p - window), Math.min(r[1], p + lit.length() + window));
          }
        }
        continue;
      }
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
