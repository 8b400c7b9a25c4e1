package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code Plan.affordable}, which reads the window once per distinct character class, answers as
 * the sum over every unbounded repeat of every alternative does (each run read on its own), for
 * every plan of the shipped rules' regexes and for random windows, candidate counts and budgets.
 */
class RegexAnchorsAffordableTest {
  private static final String ALPHABET = "ab_$09 \t\n().'\"/\\=-é\u017F\uD83D\uDE00xyzK";

  @Test
  void equalsTheSumOverEveryRun() {
    List<RegexAnchors.Plan> plans = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    collectAll(plans, seen);
    assertThat(plans).hasSizeGreaterThan(300);
    Random rnd = new Random(5);
    int yes = 0;
    int no = 0;
    int shared = 0;
    for (RegexAnchors.Plan p : plans) {
      shared += sharesAClass(p) ? 1 : 0;
      for (int n = 0; n < 40; n++) {
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(400); i > 0; i--) {
          b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        String t = b.toString();
        int from = t.isEmpty() ? 0 : rnd.nextInt(t.length());
        int to = from + (t.length() == from ? 0 : rnd.nextInt(t.length() - from + 1));
        int[] perAlt = new int[p.alts().size()];
        for (int k = 0; k < perAlt.length; k++) {
          perAlt[k] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(20);
        }
        int distinct = rnd.nextInt(20);
        long budget = rnd.nextInt(4) == 0 ? Long.MAX_VALUE / 4 : rnd.nextInt(2_000);
        boolean want = reference(p, t, from, to, perAlt, distinct, budget);
        assertThat(p.affordable(t, from, to, perAlt, distinct, budget)).isEqualTo(want);
        if (want) {
          yes++;
        } else {
          no++;
        }
      }
    }
    assertThat(yes).isGreaterThan(1_000);
    assertThat(no).isGreaterThan(1_000);
    assertThat(shared).as("plans whose alternatives repeat a class").isGreaterThan(0);
  }

  /** The sum as written before: one read of the window per run of each alternative. */
  private static boolean reference(RegexAnchors.Plan p, String text, int from, int to, int[] perAlt, int distinct,
      long budget) {
    long cost = (long) distinct * (p.anchorEnd() + 2);
    for (int k = 0; k < p.alts().size(); k++) {
      cost += (long) perAlt[k] * (p.alts().get(k).fixedMax() + 2);
    }
    if (cost > budget) {
      return false;
    }
    for (int k = 0; k < p.alts().size(); k++) {
      for (RegexAnchors.Run r : p.alts().get(k).runs()) {
        cost += (long) perAlt[k] * r.count() * r.longest(text, from, to);
      }
    }
    return cost <= budget;
  }

  private static boolean sharesAClass(RegexAnchors.Plan p) {
    List<RegexAnchors.Run> all = new ArrayList<>();
    p.alts().forEach(a -> all.addAll(a.runs()));
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        if (all.get(i).nonAscii() == all.get(j).nonAscii()
            && java.util.Arrays.equals(all.get(i).ascii(), all.get(j).ascii())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void collectAll(List<RegexAnchors.Plan> plans, List<String> seen) {
    for (Rule r : RuleCatalog.builtin().rules()) {
      collect(r.match(), plans, seen);
    }
  }

  private static void collect(Matcher m, List<RegexAnchors.Plan> plans, List<String> seen) {
    if (m instanceof RegexMatcher r) {
      String re = r.pattern().pattern();
      if (!seen.contains(re)) {
        seen.add(re);
        Optional<RegexAnchors.Plan> p = RegexAnchors.of(re, r.pattern().flags());
        p.ifPresent(plans::add);
      }
    } else if (m instanceof AnyMatcher a) {
      a.items().forEach(i -> collect(i, plans, seen));
    } else if (m instanceof AllMatcher a) {
      a.items().forEach(i -> collect(i, plans, seen));
    } else if (m instanceof NotMatcher n) {
      collect(n.inner(), plans, seen);
    } else if (m instanceof ExceptMatcher e) {
      collect(e.inner(), plans, seen);
    }
  }
}
