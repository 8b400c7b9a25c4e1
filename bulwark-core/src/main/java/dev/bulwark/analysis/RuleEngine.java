package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.content.Snippets;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Rule;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs YAML rules over one file. One Aho–Corasick pass ({@link LiteralScanner}) over the
 * lower-cased text finds every rule literal; rules whose pre-filter literals do not occur are
 * skipped, and regular expressions run in windows around those hits (see {@link FileContext}).
 * Immutable and thread-safe.
 */
final class RuleEngine {
  /** Files longer than this with long lines are only regex-scanned in windows. */
  static final int BIG_TEXT = 1_000_000;
  static final int LONG_LINE = 2_000;
  static final int WINDOW = 1_024;
  static final int MAX_POSITIONS = 32_768;

  private final List<Rule> rules;
  private final LiteralScanner scanner;
  private final RuleIndex index;
  /** Per scanner literal: whether it is a pre-filter literal (found, positions, truncation). */
  private final boolean[] primary;
  /** Per scanner literal: whether all its positions are kept for {@link MatchContext#positions}. */
  private final boolean[] tracked;
  private final Set<String> trackedLiterals;

  RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Set<String> literals = new HashSet<>();
    Set<String> track = new HashSet<>();
    for (Rule r : rules) {
      literals.addAll(r.match().allLiterals());
      literals.addAll(r.match().requiredLiterals());
      track.addAll(r.match().positionLiterals());
    }
    Set<String> all = new HashSet<>(literals);
    all.addAll(track);
    this.scanner = new LiteralScanner(all.stream().filter(s -> !s.isEmpty()).sorted().toList());
    this.index = new RuleIndex(this.rules);
    this.primary = new boolean[scanner.size()];
    this.tracked = new boolean[scanner.size()];
    for (int i = 0; i < scanner.size(); i++) {
      primary[i] = literals.contains(scanner.literal(i));
      tracked[i] = track.contains(scanner.literal(i));
    }
    this.trackedLiterals = Set.copyOf(track);
  }

  List<Rule> rules() {
    return rules;
  }

  /** Runs the candidate rules; services are created only when a tree-based rule needs them. */
  List<Finding> scan(ScanFile f, Optional<Ecosystem> eco, Function<ScanFile, FileServices> services,
      List<String> skipped, dev.bulwark.analysis.parse.Budget budget) {
    List<Integer> cands = index.candidates(f, eco);
    if (cands.isEmpty()) {
      return List.of();
    }
    String lower = LowerCase.of(f.text());
    Prefilter pf = prefilter(lower);
    List<Finding> out = new ArrayList<>();
    List<Rule> selected = new ArrayList<>();
    boolean needTree = false;
    for (int i : cands) {
      Set<String> req = index.required(i);
      if (req.isEmpty() || req.stream().anyMatch(pf.found::contains)) {
        selected.add(index.rule(i));
        needTree |= index.needsTree(i);
      }
    }
    try (FileServices svc = needTree ? services.apply(f) : FileServices.none()) {
      FileContext ctx = new FileContext(f, lower, pf, svc);
      for (Rule r : selected) {
        if (budget.tick()) {
          skipped.add(budget.ranOutOfTime()
              ? "analysis hit its wall-clock limit (last resort; remaining rules skipped)"
              : "analysis ran out of its work budget (remaining rules skipped)");
          break;
        }
        List<Hit> hits = r.match().find(ctx);
        if (!hits.isEmpty()) {
          out.add(finding(r, f, hits.get(0)));
        }
      }
      if (!svc.skippedReason().isEmpty()) {
        skipped.add(svc.skippedReason());
      }
    }
    return out;
  }

  static Finding finding(Rule r, ScanFile f, Hit h) {
    return finding(r.meta(), f, h);
  }

  static Finding finding(dev.bulwark.analysis.rules.RuleMeta m, ScanFile f, Hit h) {
    String text = f.text();
    SourceLocation loc =
        new SourceLocation(f.path(), Snippets.line(text, h.start()), Snippets.column(text, h.start()));
    String msg = h.detail().isEmpty() ? m.message() : m.message() + " (" + h.detail() + ")";
    return new Finding(m.id(), m.category(), m.severity(), m.confidence(), m.threat(), loc,
        Snippets.around(text, h.start(), h.end()), f.decoded(), msg);
  }

  /**
   * Pre-filter literals found, with up to {@link #MAX_POSITIONS_PER_LITERAL} positions each; and,
   * for the position literals ({@link dev.bulwark.analysis.rules.Matcher#positionLiterals}), every
   * position ({@code every}; absent when none, null values when there were more than {@link
   * #MAX_TRACKED_POSITIONS}). The position literals have their own count, so they never change
   * what the pre-filter keeps.
   */
  record Prefilter(Set<String> found, java.util.Map<String, List<Integer>> positions, Set<String> truncated,
      java.util.Map<String, int[]> every, Set<String> tracked) {}

  static final int MAX_POSITIONS_PER_LITERAL = 4_096;
  static final int MAX_TRACKED_POSITIONS = 16_384;

  private Prefilter prefilter(String lower) {
    Set<String> found = new HashSet<>();
    java.util.Map<String, List<Integer>> positions = new java.util.HashMap<>();
    Set<String> truncated = new HashSet<>();
    int[] total = {0};
    int[][] every = new int[scanner.size()][];
    int[] counts = new int[scanner.size()];
    scanner.scan(lower, (lit, start) -> {
      if (tracked[lit]) {
        int n = counts[lit];
        if (n <= MAX_TRACKED_POSITIONS) {
          int[] a = every[lit];
          if (a == null) {
            a = every[lit] = new int[8];
          } else if (n == a.length) {
            a = every[lit] = java.util.Arrays.copyOf(a, n * 2);
          }
          a[n] = start;
          counts[lit] = n + 1;
        }
      }
      if (!primary[lit]) {
        return;
      }
      String keyword = scanner.literal(lit);
      found.add(keyword);
      List<Integer> at = positions.computeIfAbsent(keyword, k -> new ArrayList<>());
      if (at.size() < MAX_POSITIONS_PER_LITERAL && total[0] < MAX_POSITIONS) {
        at.add(start);
        total[0]++;
      } else {
        truncated.add(keyword);
      }
    });
    java.util.Map<String, int[]> all = new java.util.HashMap<>();
    for (int i = 0; i < every.length; i++) {
      if (every[i] != null) {
        all.put(scanner.literal(i), counts[i] > MAX_TRACKED_POSITIONS ? null : java.util.Arrays.copyOf(every[i], counts[i]));
      }
    }
    return new Prefilter(found, positions, truncated, all, trackedLiterals);
  }

  /** Whether regexes run only in windows around literal hits: huge files with long lines. */
  static boolean windowed(String text) {
    return text.length() > BIG_TEXT && averageLineLength(text) >= LONG_LINE;
  }

  /** Merged windows around the given positions. */
  static List<int[]> regions(String text, List<Integer> positions) {
    int len = text.length();
    List<Integer> sorted = new ArrayList<>(positions);
    sorted.sort(null);
    List<int[]> out = new ArrayList<>();
    for (int p : sorted) {
      int s = Math.max(0, p - WINDOW);
      int e = Math.min(len, p + WINDOW);
      if (!out.isEmpty() && out.get(out.size() - 1)[1] >= s) {
        out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], e);
      } else {
        out.add(new int[] {s, e});
      }
    }
    return out;
  }

  private static int averageLineLength(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return text.length() / lines;
  }
}
