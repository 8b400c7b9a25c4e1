package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a match of an RE2 pattern can start, derived from the pattern's syntax: every match
 * contains one of a few literals at a bounded distance from its start ("eval" 0 or 1 characters
 * after the start of {@code (?:^|[^.\w$])(?:eval|exec)\s*\(}). {@link RegexMatcher} then tries the
 * pattern anchored at those few starts instead of stepping RE2/J's NFA over every character.
 * When no literal lies at a bounded distance (unbounded repeats come first, as in
 * {@code \b[\w$]*(?:spawn|exec)}), the anchors say which characters may precede their literal
 * instead ({@link Anchor#back}): the start then lies in the stretch of those characters that ends
 * at the literal, and every position of that stretch is a candidate.
 *
 * <p>Hand-written: RE2/J keeps its parse tree package-private, and {@link RegexLiterals} only
 * knows which literals occur, not where. It parses the subset of RE2 syntax the rules use and
 * gives up ({@link Optional#empty()}) on anything else, so an unknown construct can only cost
 * speed, never a match. Lengths are in UTF-16 chars: a class that may match a supplementary code
 * point counts as one or two.
 *
 * <p>It also gives a bound on how far an anchored attempt can read: the longest match when every
 * repeat is bounded, plus, for each unbounded repeat, the longest run in the text of characters it
 * can consume ({@link Plan#affordable}). The matcher uses that only to decide, by counting,
 * whether anchored attempts are cheaper than one pass; the attempts themselves run on the rest of
 * the text, so the bound never changes a result.
 *
 * <p>A pattern that opens with a literal gets no plan: RE2/J then skips to that literal itself
 * ({@code indexOf} on its prefix), which is as cheap as anchored attempts and has less overhead.
 */
final class RegexAnchors {
  /** Counts above this are treated as unbounded (keeps sums from overflowing). */
  static final int INF = 1 << 20;

  private RegexAnchors() {}

  /**
   * One anchor literal: it starts between {@code lo} and {@code hi} chars after the match start,
   * in a match of the pattern's top-level alternative {@code alt}. When {@code hi} is {@link #INF}
   * (an unbounded repeat comes before the literal, as in {@code \b[\w$]*(?:spawn|exec)}), every
   * character between the match start and the literal is one of {@code back}, so the start lies in
   * the stretch of such characters that ends at the literal: the matcher walks back over it.
   * {@code back} is {@link Chars#ANY} for a bounded anchor.
   */
  record Anchor(String literal, int lo, int hi, int alt, Chars back) {
    Anchor(String literal, int lo, int hi, int alt) {
      this(literal, lo, hi, alt, Chars.ANY);
    }

    /** Whether the match start is found by walking back over {@link #back}. */
    boolean walksBack() {
      return hi >= INF;
    }
  }

  /** A set of characters: {@code ascii}, and any non-ASCII one when {@code nonAscii}. */
  record Chars(boolean[] ascii, boolean nonAscii) {
    static final Chars ANY = all();

    private static Chars all() {
      boolean[] a = new boolean[128];
      java.util.Arrays.fill(a, true);
      return new Chars(a, true);
    }

    boolean has(char c) {
      return c < 128 ? ascii[c] : nonAscii;
    }

    Chars union(Chars o) {
      boolean[] a = ascii.clone();
      for (int k = 0; k < 128; k++) {
        a[k] |= o.ascii[k];
      }
      return new Chars(a, nonAscii || o.nonAscii);
    }
  }

  /** A top-level alternative: its longest match with repeats bounded, and its unbounded repeats. */
  record Alt(int fixedMax, List<Run> runs) {}

  /**
   * The anchors (every match contains one of them at its offset range), whether they are to be
   * found in the lower-cased text ({@code folded}: the pattern may ignore case), whether a folded
   * anchor has an "s" ({@code longS}: then a text with U+017F, which the pattern takes for "s" but
   * the lower-cased text keeps, must not use the anchors), and the top-level alternatives.
   */
  record Plan(List<Anchor> anchors, boolean folded, boolean longS, List<Alt> alts) {
    /**
     * Whether anchored attempts in [from, to) read at most {@code budget} characters, given how
     * many candidate starts each alternative's anchors gave there ({@code perAlt}) and how many
     * distinct starts there are. An attempt reads past an alternative's anchor only when that
     * alternative's anchor is there, that is, only at that alternative's candidates; so it reads at
     * most the longest anchor end, plus, for each alternative it is a candidate of, the fixed part
     * and, per unbounded repeat, the longest run of its characters in [from, to) (counted only
     * when the window's length does not already do as a bound).
     */
    boolean affordable(CharSequence text, int from, int to, int[] perAlt, int distinct, long budget) {
      long cost = (long) distinct * (anchorEnd() + 2);
      for (int k = 0; k < alts.size() && cost <= budget; k++) {
        cost += (long) perAlt[k] * (alts.get(k).fixedMax() + 2);
      }
      if (cost > budget) {
        return false;
      }
      long upper = cost;
      for (int k = 0; k < alts.size(); k++) {
        for (Run r : alts.get(k).runs()) {
          upper += (long) perAlt[k] * r.count() * (to - from);
        }
      }
      if (upper <= budget) {
        return true;
      }
      // alternatives often repeat a character class (\s*, [\w$]*): one pass over the window per
      // distinct class, the same sum in the same order
      List<Run> seen = new ArrayList<>();
      List<Integer> longest = new ArrayList<>();
      for (int k = 0; k < alts.size(); k++) {
        for (Run r : alts.get(k).runs()) {
          if (perAlt[k] > 0) {
            cost += (long) perAlt[k] * r.count() * longest(r, text, from, to, seen, longest);
            if (cost > budget) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** {@link Run#longest} of {@code r}'s characters, computed once per distinct class. */
    private static int longest(Run r, CharSequence text, int from, int to, List<Run> seen, List<Integer> longest) {
      for (int i = 0; i < seen.size(); i++) {
        Run o = seen.get(i);
        if (o.nonAscii() == r.nonAscii() && java.util.Arrays.equals(o.ascii(), r.ascii())) {
          return longest.get(i);
        }
      }
      int l = r.longest(text, from, to);
      seen.add(r);
      longest.add(l);
      return l;
    }

    /** The furthest an anchor literal ends from the match start. */
    int anchorEnd() {
      int end = 0;
      for (Anchor a : anchors) {
        // a walk-back anchor's distance from the start is read by the unbounded repeats before it
        end = Math.max(end, (a.walksBack() ? a.lo() : a.hi()) + a.literal().length());
      }
      return end;
    }
  }

  /** An unbounded repeat's characters ({@code ascii}, and any non-ASCII one), and how many such. */
  record Run(boolean[] ascii, boolean nonAscii, int count) {
    /** The longest stretch of [from, to) made of these characters. */
    int longest(CharSequence text, int from, int to) {
      if (text instanceof String s) {
        return longest(s, from, to);
      }
      int best = 0;
      int cur = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c < 128 ? ascii[c] : nonAscii) {
          cur++;
          if (cur > best) {
            best = cur;
          }
        } else {
          cur = 0;
        }
      }
      return best;
    }

    /** {@link #longest(CharSequence, int, int)} on a String (no interface call per character). */
    private int longest(String text, int from, int to) {
      int best = 0;
      int cur = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c < 128 ? ascii[c] : nonAscii) {
          cur++;
        } else {
          best = Math.max(best, cur);
          cur = 0;
        }
      }
      return Math.max(best, cur);
    }
  }

  /** The plan for a pattern compiled with these RE2/J flags; empty when not derivable. */
  static Optional<Plan> of(String re, int flags) {
    if (flags != 0) {
      return Optional.empty();
    }
    try {
      Parser p = new Parser(re);
      List<Alt> alts = new ArrayList<>();
      List<Anchor> raw = new ArrayList<>();
      Node n = p.top(alts, raw);
      if (p.i != re.length() || n.lead && !p.folded) {
        return Optional.empty();
      }
      List<Anchor> anchors = new ArrayList<>();
      boolean longS = false;
      for (Anchor a : raw) {
        if (a.literal.isEmpty() || a.hi > INF) {
          return Optional.empty();
        }
        if (p.folded) {
          // Found in the lower-cased text (char by char, so offsets hold). RE2 folds an ASCII
          // letter only to its other case, "k" also to U+212A (lower-cased to "k") and "s" also to
          // U+017F (kept as it is): see Plan#longS.
          String low = LiteralMatcher.lower(a.literal);
          for (int k = 0; k < low.length(); k++) {
            if (low.charAt(k) >= 128) {
              return Optional.empty();
            }
          }
          longS |= low.indexOf('s') >= 0;
          anchors.add(new Anchor(low, a.lo, a.hi, a.alt, a.back));
        } else {
          anchors.add(a);
        }
      }
      return Optional.of(new Plan(List.copyOf(anchors), p.folded, longS, List.copyOf(alts)));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** Thrown (without a stack trace) on syntax this parser does not handle. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * A parsed piece: shortest and longest length in chars, the characters it may consume, and an
   * anchor set (every match of the piece contains one of the literals at the offset range, from
   * the piece's start), or null when none is known. {@code literal} is set for a plain literal
   * character, so that runs of them join into one string.
   */
  private static final class Node {
    int min;
    int max;
    /** Longest length with unbounded repeats left out (they are counted in {@code runs}). */
    int fixed;
    /** Whether it opens with a literal character (RE2/J then has a literal prefix). */
    boolean lead;
    final boolean[] ascii = new boolean[128];
    boolean nonAscii;
    List<Anchor> anchor;
    /**
     * When {@code anchor} is null: anchors of which some lie an unbounded distance from the
     * piece's start, each with the characters that may come before it ({@link Anchor#back}), or
     * null when none is known.
     */
    List<Anchor> back;
    String literal;

    static Node empty() {
      return new Node();
    }

    static Node chars(int min, int max) {
      Node n = new Node();
      n.min = min;
      n.max = max;
      n.fixed = max;
      return n;
    }

    Chars chars() {
      return new Chars(ascii.clone(), nonAscii);
    }

    void addChars(Node o) {
      for (int k = 0; k < 128; k++) {
        ascii[k] |= o.ascii[k];
      }
      nonAscii |= o.nonAscii;
    }
  }

  private static int add(int a, int b) {
    return Math.min(INF, a + b);
  }

  private static int mul(int a, int n) {
    return (long) a * n >= INF ? INF : a * n;
  }

  /** Recursive descent over RE2 syntax; depth is bounded by the pattern's length (rules are short). */
  private static final class Parser {
    final String re;
    int i;
    boolean folded;
    /** Unbounded repeats seen so far: characters and count (0 once inside a larger one). */
    final List<boolean[]> runChars = new ArrayList<>();
    final List<Boolean> runNonAscii = new ArrayList<>();
    final List<Integer> runCounts = new ArrayList<>();

    /**
     * The whole pattern: its top-level alternatives go to {@code alts}, their anchors (tagged with
     * the alternative) to {@code anchors}. Throws when an alternative has no anchor.
     */
    Node top(List<Alt> alts, List<Anchor> anchors) throws Unsupported {
      List<Node> nodes = new ArrayList<>();
      while (true) {
        int runsFrom = runChars.size();
        Node c = concat();
        List<Anchor> found = c.anchor != null && !c.anchor.isEmpty() ? c.anchor : c.back;
        if (found == null || found.isEmpty()) {
          throw new Unsupported();
        }
        for (Anchor a : found) {
          if (a.literal.isEmpty() || a.hi >= INF && a.back == Chars.ANY) {
            throw new Unsupported();
          }
          anchors.add(new Anchor(a.literal, a.lo, a.hi, alts.size(), a.back));
        }
        alts.add(new Alt(c.fixed, runs(runsFrom, runChars.size())));
        nodes.add(c);
        if (i < re.length() && re.charAt(i) == '|') {
          i++;
        } else {
          break;
        }
      }
      return nodes.size() == 1 ? nodes.get(0) : Node.empty(); // alternation: no literal prefix
    }

    /** The runs registered in [from, to), equal character sets merged. */
    List<Run> runs(int from, int to) {
      List<Run> out = new ArrayList<>();
      for (int k = from; k < to; k++) {
        if (runCounts.get(k) == 0) {
          continue;
        }
        boolean merged = false;
        for (int j = 0; j < out.size() && !merged; j++) {
          Run r = out.get(j);
          if (java.util.Arrays.equals(r.ascii(), runChars.get(k)) && r.nonAscii() == runNonAscii.get(k)) {
            out.set(j, new Run(r.ascii(), r.nonAscii(), Math.min(INF, r.count() + runCounts.get(k))));
            merged = true;
          }
        }
        if (!merged) {
          out.add(new Run(runChars.get(k), runNonAscii.get(k), runCounts.get(k)));
        }
      }
      return List.copyOf(out);
    }
    int depth;

    Parser(String re) throws Unsupported {
      this.re = re;
      if (re.length() > 4_000) {
        throw new Unsupported();
      }
      this.folded = mayFold(re);
    }

    /** A flag group that may turn on case folding ("(?i)", "(?si:"); an escaped one also counts. */
    private static boolean mayFold(String re) {
      for (int k = re.indexOf("(?"); k >= 0; k = re.indexOf("(?", k + 1)) {
        int j = k + 2;
        while (j < re.length() && (Character.isLetter(re.charAt(j)) || re.charAt(j) == '-')) {
          if (re.charAt(j) == 'i') {
            return true;
          }
          j++;
        }
      }
      return false;
    }

    Node alternation() throws Unsupported {
      if (++depth > 100) {
        throw new Unsupported();
      }
      List<Node> alts = new ArrayList<>();
      alts.add(concat());
      while (i < re.length() && re.charAt(i) == '|') {
        i++;
        alts.add(concat());
      }
      depth--;
      if (alts.size() == 1) {
        return alts.get(0);
      }
      Node out = Node.empty();
      out.min = INF;
      List<Anchor> anchors = new ArrayList<>();
      List<Anchor> back = new ArrayList<>();
      for (Node a : alts) {
        out.min = Math.min(out.min, a.min);
        out.max = Math.max(out.max, a.max);
        out.fixed = Math.max(out.fixed, a.fixed);
        out.addChars(a);
        if (anchors != null && a.anchor != null) {
          anchors.addAll(a.anchor);
        } else {
          anchors = null;
        }
        List<Anchor> b = a.anchor != null ? toBack(a.anchor, a) : a.back;
        if (back != null && b != null) {
          back.addAll(b);
        } else {
          back = null;
        }
      }
      out.anchor = anchors;
      out.back = anchors == null ? back : null;
      return out;
    }

    Node concat() throws Unsupported {
      Node out = Node.empty();
      List<Anchor> best = null;
      List<Anchor> back = null; // anchors after an unbounded stretch, kept in case there is no other
      StringBuilder lit = new StringBuilder(); // the current run of plain literal characters
      int litLo = 0;
      int litHi = 0;
      Chars litBack = null;
      boolean firstItem = true;
      while (i < re.length() && re.charAt(i) != '|' && re.charAt(i) != ')') {
        Node a = repeat();
        if (firstItem) {
          out.lead = a.lead;
          firstItem = false;
        }
        if (a.literal != null) {
          if (lit.length() == 0) {
            litLo = out.min;
            litHi = out.max;
            litBack = out.chars();
          }
          lit.append(a.literal);
        } else {
          best = better(best, run(lit, litLo, litHi));
          back = betterBack(back, runBack(lit, litLo, litHi, litBack));
          lit.setLength(0);
          if (a.anchor != null && out.max < INF) {
            best = better(best, shift(a.anchor, out.min, out.max));
          }
          List<Anchor> inner = a.anchor != null ? toBack(a.anchor, a) : a.back;
          if (inner != null && (out.max >= INF || a.anchor == null)) {
            back = betterBack(back, shiftBack(inner, out.min, out.chars()));
          }
        }
        out.min = add(out.min, a.min);
        out.max = add(out.max, a.max);
        out.fixed = add(out.fixed, a.fixed);
        out.addChars(a);
      }
      best = better(best, run(lit, litLo, litHi));
      back = betterBack(back, runBack(lit, litLo, litHi, litBack));
      out.anchor = best;
      out.back = best == null ? back : null;
      return out;
    }

    private static List<Anchor> run(StringBuilder lit, int lo, int hi) {
      return lit.length() == 0 || hi >= INF ? null : List.of(new Anchor(lit.toString(), lo, hi, 0));
    }

    /** A literal run after an unbounded stretch of the characters {@code before}. */
    private static List<Anchor> runBack(StringBuilder lit, int lo, int hi, Chars before) {
      return lit.length() == 0 || hi < INF ? null : List.of(new Anchor(lit.toString(), lo, INF, 0, before));
    }

    /**
     * A piece's anchors as walk-back anchors: whatever comes between the piece's start and an
     * anchor is made of the piece's characters.
     */
    private static List<Anchor> toBack(List<Anchor> anchors, Node piece) {
      List<Anchor> out = new ArrayList<>();
      for (Anchor a : anchors) {
        out.add(new Anchor(a.literal, a.lo, INF, 0, a.walksBack() ? a.back : piece.chars()));
      }
      return out;
    }

    /** Walk-back anchors of a piece that follows a stretch of {@code before}, at least {@code lo} long. */
    private static List<Anchor> shiftBack(List<Anchor> anchors, int lo, Chars before) {
      List<Anchor> out = new ArrayList<>();
      for (Anchor a : anchors) {
        out.add(new Anchor(a.literal, add(a.lo, lo), INF, 0, a.back.union(before)));
      }
      return out;
    }

    /** Longer shortest literal first, then fewer literals. */
    private static List<Anchor> betterBack(List<Anchor> a, List<Anchor> b) {
      if (b == null) {
        return a;
      }
      if (a == null) {
        return b;
      }
      int la = a.stream().mapToInt(x -> x.literal.length()).min().orElse(0);
      int lb = b.stream().mapToInt(x -> x.literal.length()).min().orElse(0);
      if (la != lb) {
        return lb > la ? b : a;
      }
      return b.size() < a.size() ? b : a;
    }

    private static List<Anchor> shift(List<Anchor> anchors, int lo, int hi) {
      List<Anchor> out = new ArrayList<>();
      for (Anchor a : anchors) {
        out.add(new Anchor(a.literal, add(a.lo, lo), add(a.hi, hi), 0));
      }
      return out;
    }

    /** Longer shortest literal first, then the narrower offset range, then fewer literals. */
    private static List<Anchor> better(List<Anchor> a, List<Anchor> b) {
      if (b == null) {
        return a;
      }
      if (a == null) {
        return b;
      }
      int la = a.stream().mapToInt(x -> x.literal.length()).min().orElse(0);
      int lb = b.stream().mapToInt(x -> x.literal.length()).min().orElse(0);
      if (la != lb) {
        return lb > la ? b : a;
      }
      int sa = a.stream().mapToInt(x -> x.hi - x.lo).max().orElse(0);
      int sb = b.stream().mapToInt(x -> x.hi - x.lo).max().orElse(0);
      if (sa != sb) {
        return sb < sa ? b : a;
      }
      return b.size() < a.size() ? b : a;
    }

    /** An atom and its quantifier. */
    Node repeat() throws Unsupported {
      int runsBefore = runChars.size();
      Node a = atom();
      if (i >= re.length()) {
        return a;
      }
      char q = re.charAt(i);
      int lo;
      int hi;
      if (q == '*' || q == '+' || q == '?') {
        i++;
        lo = q == '+' ? 1 : 0;
        hi = q == '?' ? 1 : INF;
      } else if (q == '{' && isCount(i)) {
        int end = re.indexOf('}', i);
        String[] parts = re.substring(i + 1, end).split(",", -1);
        lo = Integer.parseInt(parts[0]);
        hi = parts.length == 1 ? lo : parts[1].isEmpty() ? INF : Integer.parseInt(parts[1]);
        if (lo > 1000 || hi < INF && hi > 1000) {
          throw new Unsupported(); // RE2 rejects these anyway
        }
        i = end + 1;
      } else {
        return a;
      }
      if (i < re.length() && re.charAt(i) == '?') {
        i++; // non-greedy: same strings, same lengths
      }
      if (i < re.length() && "*+?".indexOf(re.charAt(i)) >= 0) {
        throw new Unsupported();
      }
      Node out = Node.empty();
      out.addChars(a);
      out.min = mul(a.min, lo);
      out.max = hi >= INF ? INF : mul(a.max, hi);
      out.fixed = hi >= INF ? 0 : mul(a.fixed, hi);
      out.anchor = lo >= 1 ? a.anchor : null; // the first copy keeps its place
      out.back = lo >= 1 ? a.back : null;
      out.lead = lo >= 1 && a.lead;
      for (int k = runsBefore; k < runChars.size(); k++) {
        // Runs inside: one per copy, or, under an unbounded repeat, part of its one run.
        runCounts.set(k, hi >= INF ? 0 : mul(runCounts.get(k), hi));
      }
      if (hi >= INF) {
        // The whole repeated stretch is made of characters the repeated piece may consume.
        runChars.add(a.ascii.clone());
        runNonAscii.add(a.nonAscii);
        runCounts.add(1);
      }
      if (lo == 1 && hi == 1) {
        return a;
      }
      return out;
    }

    private boolean isCount(int at) {
      int end = re.indexOf('}', at);
      return end > at + 1 && re.substring(at + 1, end).matches("\\d+(,\\d*)?");
    }

    Node atom() throws Unsupported {
      char c = re.charAt(i);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '.': {
          i++;
          Node n = chars(1, 2);
          fill(n, true);
          return n;
        }
        case '^':
        case '$':
          i++;
          return Node.empty();
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
        case '{':
          if (c == '{' && !isCount(i)) {
            i++;
            return literal('{');
          }
          throw new Unsupported();
        default:
          if (Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          i++;
          return literal(c);
      }
    }

    private Node literal(char c) {
      Node n = chars(1, 1);
      set(n, c);
      n.lead = true;
      n.literal = String.valueOf(c);
      n.anchor = List.of(new Anchor(n.literal, 0, 0, 0));
      return n;
    }

    private void set(Node n, char c) {
      if (c < 128) {
        n.ascii[c] = true;
        if (folded && Character.isLetter(c)) {
          n.ascii[Character.toLowerCase(c)] = true;
          n.ascii[Character.toUpperCase(c)] = true;
          n.nonAscii = true;
        }
      } else {
        n.nonAscii = true;
      }
    }

    private static Node chars(int min, int max) {
      return Node.chars(min, max);
    }

    private static void fill(Node n, boolean nonAscii) {
      java.util.Arrays.fill(n.ascii, true);
      n.nonAscii |= nonAscii;
    }

    Node group() throws Unsupported {
      i++; // (
      if (re.startsWith("?:", i)) {
        i += 2;
      } else if (re.startsWith("?P<", i) || re.startsWith("?<", i)) {
        int end = re.indexOf('>', i);
        if (end < 0) {
          throw new Unsupported();
        }
        i = end + 1;
      } else if (i < re.length() && re.charAt(i) == '?') {
        // Flags: "(?flags)" for the rest of the enclosing group, or "(?flags:...)".
        int j = i + 1;
        while (j < re.length() && (Character.isLetter(re.charAt(j)) || re.charAt(j) == '-')) {
          j++;
        }
        if (j >= re.length()) {
          throw new Unsupported();
        }
        String fl = re.substring(i + 1, j);
        if (!fl.chars().allMatch(ch -> "imsU-".indexOf(ch) >= 0)) {
          throw new Unsupported();
        }
        if (re.charAt(j) == ')') {
          i = j + 1;
          return Node.empty();
        }
        if (re.charAt(j) != ':') {
          throw new Unsupported();
        }
        i = j + 1;
      }
      Node n = alternation();
      if (i >= re.length() || re.charAt(i) != ')') {
        throw new Unsupported();
      }
      i++;
      n.literal = null; // a group is never joined into a literal run
      if (n.anchor != null && n.anchor.size() == 1 && n.min == n.max && n.anchor.get(0).lo == 0
          && n.anchor.get(0).literal.length() == n.min) {
        // Nothing but that literal consumes characters: "(?:abc)" is still the string "abc".
        n.literal = n.anchor.get(0).literal;
      }
      return n;
    }

    Node escape() throws Unsupported {
      if (i + 1 >= re.length()) {
        throw new Unsupported();
      }
      char e = re.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'b':
        case 'B':
        case 'A':
        case 'z':
          return Node.empty();
        case 'd': {
          Node n = chars(1, 1);
          for (char k = '0'; k <= '9'; k++) {
            n.ascii[k] = true;
          }
          return n;
        }
        case 'w': {
          Node n = chars(1, 1);
          word(n.ascii);
          if (folded) {
            n.nonAscii = true; // "(?i)\w" also takes U+017F and U+212A
          }
          return n;
        }
        case 's': {
          Node n = chars(1, 1);
          for (char k : new char[] {' ', '\t', '\n', '\f', '\r'}) {
            n.ascii[k] = true;
          }
          return n;
        }
        case 'D':
        case 'W':
        case 'S': {
          Node n = chars(1, 2);
          fill(n, true);
          return n;
        }
        case 'n':
          return literal('\n');
        case 't':
          return literal('\t');
        case 'r':
          return literal('\r');
        case 'f':
          return literal('\f');
        case 'v':
          return literal('\u000b');
        case 'x':
          return literal(hex());
        default:
          if (e < 128 && !Character.isLetterOrDigit(e)) {
            return literal(e);
          }
          throw new Unsupported();
      }
    }

    private char hex() throws Unsupported {
      int v;
      if (i < re.length() && re.charAt(i) == '{') {
        int end = re.indexOf('}', i);
        if (end < 0) {
          throw new Unsupported();
        }
        v = parseHex(re.substring(i + 1, end));
        i = end + 1;
      } else if (i + 2 <= re.length()) {
        v = parseHex(re.substring(i, i + 2));
        i += 2;
      } else {
        throw new Unsupported();
      }
      if (v >= 0xD800) {
        throw new Unsupported();
      }
      return (char) v;
    }

    private static int parseHex(String s) throws Unsupported {
      if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new Unsupported();
      }
      return Integer.parseInt(s, 16);
    }

    private static void word(boolean[] a) {
      for (int k = 0; k < 128; k++) {
        a[k] |= Character.isLetterOrDigit(k) || k == '_';
      }
    }

    /**
     * A character class: one char (two when it may match a supplementary code point). Its
     * characters are over-approximated where the syntax is not plain (that only widens the bound).
     */
    Node charClass() throws Unsupported {
      int start = i;
      i++;
      boolean negated = i < re.length() && re.charAt(i) == '^';
      if (negated) {
        i++;
      }
      boolean[] in = new boolean[128];
      boolean nonAscii = false;
      boolean first = true;
      while (true) {
        if (i >= re.length()) {
          throw new Unsupported();
        }
        char c = re.charAt(i);
        if (c == ']' && !first) {
          i++;
          break;
        }
        first = false;
        if (c == '[' && re.startsWith("[:", i)) {
          int end = re.indexOf(":]", i + 2);
          if (end < 0) {
            throw new Unsupported();
          }
          java.util.Arrays.fill(in, true); // over-approximated
          i = end + 2;
          continue;
        }
        int lo;
        if (c == '\\') {
          if (i + 1 >= re.length()) {
            throw new Unsupported();
          }
          char e = re.charAt(i + 1);
          i += 2;
          switch (e) {
            case 'd':
              for (char k = '0'; k <= '9'; k++) {
                in[k] = true;
              }
              continue;
            case 'w':
              word(in);
              continue;
            case 's':
              for (char k : new char[] {' ', '\t', '\n', '\f', '\r'}) {
                in[k] = true;
              }
              continue;
            case 'D':
            case 'W':
            case 'S':
            case 'p':
            case 'P':
              if (e == 'p' || e == 'P') {
                if (i < re.length() && re.charAt(i) == '{') {
                  int end = re.indexOf('}', i);
                  if (end < 0) {
                    throw new Unsupported();
                  }
                  i = end + 1;
                } else {
                  i++;
                }
              }
              java.util.Arrays.fill(in, true);
              nonAscii = true;
              continue;
            case 'n':
              lo = '\n';
              break;
            case 't':
              lo = '\t';
              break;
            case 'r':
              lo = '\r';
              break;
            case 'f':
              lo = '\f';
              break;
            case 'v':
              lo = 0x0b;
              break;
            case 'x':
              lo = hex();
              break;
            default:
              if (e < 128 && !Character.isLetterOrDigit(e)) {
                lo = e;
                break;
              }
              throw new Unsupported();
          }
        } else {
          if (Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          lo = c;
          i++;
        }
        int hi = lo;
        if (i + 1 < re.length() && re.charAt(i) == '-' && re.charAt(i + 1) != ']') {
          char h = re.charAt(i + 1);
          if (h == '\\' || h == '[' || Character.isSurrogate(h)) {
            throw new Unsupported();
          }
          hi = h;
          i += 2;
        }
        for (int k = lo; k <= hi; k++) {
          if (k < 128) {
            in[k] = true;
          } else {
            nonAscii = true;
            break;
          }
        }
        if (hi >= 128) {
          nonAscii = true;
        }
      }
      if (i - start > 2_000) {
        throw new Unsupported();
      }
      Node n;
      if (negated) {
        n = chars(1, 2);
        for (int k = 0; k < 128; k++) {
          n.ascii[k] = !in[k];
        }
        n.nonAscii = true;
      } else {
        n = chars(1, nonAscii ? 2 : 1);
        System.arraycopy(in, 0, n.ascii, 0, 128);
        n.nonAscii = nonAscii;
      }
      if (folded) {
        for (int k = 'a'; k <= 'z'; k++) {
          boolean any = n.ascii[k] || n.ascii[k - 32];
          n.ascii[k] = any;
          n.ascii[k - 32] = any;
        }
        n.nonAscii = true;
        n.max = 2;
        n.fixed = 2;
      }
      return n;
    }
  }
}
