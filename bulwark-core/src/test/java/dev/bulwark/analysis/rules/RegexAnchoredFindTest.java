package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.bulwark.analysis.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every regex of the shipped rules: (1) the anchors {@link RegexAnchors} derives never reject a
 * match: each match of the pattern over the whole text has one of its anchor literals at the
 * anchor's offset from the match start; (2) {@link RegexMatcher#find} with anchored attempts
 * returns exactly the hits of the plain {@code find()} loop, over the whole text and over random
 * regions. Texts: the rules' own examples, and seeded random texts built from each pattern's
 * literals, its anchors, pieces of the examples, surrogate pairs and the characters case folding
 * treats specially (U+017F, U+212A).
 */
class RegexAnchoredFindTest {
  private static final Map<String, RegexMatcher> MATCHERS = new LinkedHashMap<>();
  private static final Map<String, List<String>> EXAMPLES = new LinkedHashMap<>();

  @BeforeAll
  static void load() {
    for (Rule r : RuleCatalog.builtin().rules()) {
      List<String> ex = new ArrayList<>();
      r.matchExamples().forEach(e -> ex.add(e.code()));
      r.nomatchExamples().forEach(e -> ex.add(e.code()));
      collect(r.match(), ex);
    }
  }

  private static void collect(Matcher m, List<String> examples) {
    if (m instanceof RegexMatcher r) {
      MATCHERS.putIfAbsent(r.pattern().pattern(), r);
      EXAMPLES.computeIfAbsent(r.pattern().pattern(), k -> new ArrayList<>()).addAll(examples);
    } else if (m instanceof AnyMatcher a) {
      a.items().forEach(i -> collect(i, examples));
    } else if (m instanceof AllMatcher a) {
      a.items().forEach(i -> collect(i, examples));
    } else if (m instanceof NotMatcher n) {
      collect(n.inner(), examples);
    } else if (m instanceof ExceptMatcher e) {
      collect(e.inner(), examples);
    }
  }

  /**
   * A context with only text and the given regex regions; like the engine, it knows every position
   * of some literals (here: of all but those of odd length, so that both paths run).
   */
  private record Ctx(String text, String lowerText, List<int[]> regexRegions) implements TextOnlyContext {
    @Override
    public int[] positions(String lowerLiteral) {
      if (lowerLiteral.length() % 2 == 1) {
        return null;
      }
      List<Integer> at = new ArrayList<>();
      for (int i = lowerText.indexOf(lowerLiteral); i >= 0; i = lowerText.indexOf(lowerLiteral, i + 1)) {
        at.add(i);
      }
      return at.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static final String[] NOISE = {
    " ", "  ", "\t", "\n", "\r\n", "(", ")", "'", "\"", "`", ".", ",", ";", "|", "$", "_", "/", "\\",
    "=", "+", "-", "[", "]", "{", "}", ":", "a", "Z", "0", "9", "x", "é", "\uD83D\uDE00", "\uD83D",
    "\uDE00", "\u017F", "\u212A", "K", "S", "s", "k", "$(", "${", "://", "0x", "http://10.0.0.1:80/",
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 20261207L})
  void anchoredFindEqualsPlainFind(long seed) {
    assertThat(MATCHERS).hasSizeGreaterThan(300);
    long planned = MATCHERS.values().stream().filter(RegexMatcher::anchored).count();
    assertThat(planned).as("regexes with anchors").isGreaterThan(MATCHERS.size() * 3 / 4);
    Random r = new Random(seed);
    int matchedPatterns = 0;
    int texts = 0;
    for (Map.Entry<String, RegexMatcher> e : MATCHERS.entrySet()) {
      RegexMatcher m = e.getValue();
      if (!m.anchored()) {
        continue;
      }
      List<String> pieces = pieces(e.getKey(), m, EXAMPLES.get(e.getKey()));
      boolean matched = false;
      List<String> all = new ArrayList<>(EXAMPLES.get(e.getKey()));
      for (int k = 0; k < 40; k++) {
        all.add(random(r, pieces));
      }
      for (String text : all) {
        texts++;
        matched |= check(e.getKey(), m, text, r);
      }
      if (matched) {
        matchedPatterns++;
      }
    }
    assertThat(matchedPatterns).as("patterns that matched some text (of %d planned, %d texts)", planned, texts)
        .isGreaterThan((int) (planned * 3 / 4));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3L, 11L})
  void narrowingFromKnownPositionsEqualsIndexOf(long seed) {
    Random r = new Random(seed);
    List<String> lits = List.of("ab", "ba", "aab", "b");
    int windows = 0;
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = r.nextInt(60); i < n; i++) {
        b.append("abc".charAt(r.nextInt(3)));
      }
      String text = b.toString();
      List<int[]> regions = new ArrayList<>();
      for (int at = r.nextInt(5); at < text.length(); ) {
        int e = Math.min(text.length(), at + 1 + r.nextInt(15));
        regions.add(new int[] {at, e});
        at = e + 1 + r.nextInt(5);
      }
      List<String> some = lits.subList(0, 1 + r.nextInt(lits.size()));
      int window = r.nextInt(4);
      java.util.function.Function<String, int[]> known = l -> {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(l); i >= 0; i = text.indexOf(l, i + 1)) {
          at.add(i);
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
      };
      List<int[]> want = RegexMatcher.narrow(text, regions, some, window);
      List<int[]> got = RegexMatcher.narrow(text, regions, some, window, known);
      assertThat(got).as("[%s]", text).usingElementComparator(java.util.Arrays::compare).isEqualTo(want);
      windows += want.size();
    }
    assertThat(windows).isGreaterThan(10_000);
  }

  /** Checks one text; returns whether the pattern matched it. */
  private static boolean check(String re, RegexMatcher m, String text, Random r) {
    RegexAnchors.Plan plan = RegexAnchors.of(re, 0).orElseThrow();
    String lower = LiteralMatcher.lower(text);
    // (1) every match over the whole text has an anchor at its offset.
    com.google.re2j.Matcher mm = m.pattern().matcher(text);
    boolean any = false;
    boolean skipLongS = plan.longS() && text.indexOf('\u017F') >= 0;
    while (mm.find()) {
      any = true;
      if (skipLongS) {
        continue; // the matcher does not use the anchors on such a text
      }
      String hay = plan.folded() ? lower : text;
      int s = mm.start();
      boolean anchored = false;
      for (RegexAnchors.Anchor a : plan.anchors()) {
        // a walk-back anchor: the literal anywhere in the match, the text before it from `back`
        int hi = a.walksBack() ? mm.end() - s : a.hi();
        for (int o = a.lo(); o <= hi && !anchored; o++) {
          anchored = hay.startsWith(a.literal(), s + o) && s + o + a.literal().length() <= mm.end()
              && (!a.walksBack() || allOf(a.back(), text, s, s + o));
        }
      }
      assertThat(anchored).as("match [%d,%d) of %s in [%s] has an anchor %s", s, mm.end(), re, text,
          plan.anchors()).isTrue();
      if (mm.end() == mm.start()) {
        break;
      }
    }
    // (2) the same hits as the plain loop, over the whole text and over random regions.
    Ctx whole = new Ctx(text, lower, List.<int[]>of(new int[] {0, text.length()}));
    assertThat(m.find(whole)).as("%s on [%s]", re, text).isEqualTo(m.findPlain(whole));
    List<int[]> regions = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int s = at + r.nextInt(Math.max(1, Math.min(40, text.length() - at)));
      int e = Math.min(text.length(), s + 1 + r.nextInt(200));
      if (s < e) {
        regions.add(new int[] {s, e});
      }
      at = e + 1;
    }
    Ctx parts = new Ctx(text, lower, regions);
    assertThat(m.find(parts)).as("%s on regions of [%s]", re, text).isEqualTo(m.findPlain(parts));
    return any;
  }

  private static boolean allOf(RegexAnchors.Chars set, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!set.has(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Pieces a random text is built from: the pattern's literals and anchors, and example slices. */
  private static List<String> pieces(String re, RegexMatcher m, List<String> examples) {
    Set<String> out = new TreeSet<>(List.of(NOISE));
    out.addAll(RegexLiterals.derive(re));
    RegexAnchors.of(re, 0).ifPresent(p -> p.anchors().forEach(a -> out.add(a.literal())));
    // Literal fragments of the pattern itself ("new", "Function", "require").
    for (String f : re.split("\\\\[sSwWdDbB]|[\\\\()\\[\\]{}|?*+^$.]")) {
      if (!f.isEmpty()) {
        out.add(f);
        out.add(f.toUpperCase(java.util.Locale.ROOT));
      }
    }
    for (String ex : examples) {
      for (String line : ex.split("\n")) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static String random(Random r, List<String> pieces) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(40); i < n; i++) {
      String p = pieces.get(r.nextInt(pieces.size()));
      if (p.length() > 3 && r.nextInt(4) == 0) {
        int s = r.nextInt(p.length());
        p = p.substring(s, s + 1 + r.nextInt(p.length() - s)); // a slice: near misses
      }
      if (r.nextInt(10) == 0) {
        p = p.toUpperCase(java.util.Locale.ROOT);
      }
      b.append(p);
    }
    return b.toString();
  }
}
