package dev.bulwark.analysis.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SHA-256 indicators are looked up by run of word characters instead of going through the
 * Aho–Corasick automaton; the hits (and which hits a cap keeps) must equal the automaton's.
 */
class IocMatcherHashSplitTest {
  private static final List<Ioc> BUILTIN = IocFeed.builtin().indicators().stream().filter(i -> i.type().inText()).toList();

  /** The built-in text indicators, a hash listed twice, and a URL that ends with a hash. */
  private static List<Ioc> iocs() {
    List<Ioc> out = new ArrayList<>(BUILTIN);
    String hash = BUILTIN.stream().filter(i -> i.type() == IocType.SHA256).findFirst().orElseThrow().value();
    out.add(new Ioc(IocType.SHA256, hash, "second-source"));
    out.add(new Ioc(IocType.URL, "http://files.example/" + hash, "test"));
    out.add(new Ioc(IocType.DOMAIN, hash.substring(0, 20) + ".example", "test"));
    return out;
  }

  @Test
  void theBuiltinFeedHasHashesToSplit() {
    assertThat(BUILTIN.stream().filter(i -> i.type() == IocType.SHA256).count()).isGreaterThan(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void splitHashesFindTheSameHitsAsTheAutomaton(int seed) {
    List<Ioc> iocs = iocs();
    Random rnd = new Random(seed);
    int matched = 0;
    for (int cap : new int[] {IocMatcher.MAX_HITS, 1, 2, 3, 5, 8}) {
      IocMatcher split = new IocMatcher(iocs, true, cap);
      IocMatcher whole = new IocMatcher(iocs, false, cap);
      for (int n = 0; n < 300; n++) {
        String text = text(rnd, iocs);
        List<IocHit> want = whole.scan(text);
        assertThat(split.scan(text)).as("cap %d, text %s", cap, text).isEqualTo(want);
        matched += want.isEmpty() ? 0 : 1;
      }
    }
    assertThat(matched).as("texts with hits").isGreaterThan(500);
  }

  private static final String[] GLUE = {" ", ".", "-", "_", "x", "A", "/", ":", "\n", "é", "ſ", "0", "'", "", "", ""};

  private static String text(Random rnd, List<Ioc> iocs) {
    StringBuilder b = new StringBuilder();
    int parts = 1 + rnd.nextInt(12);
    for (int p = 0; p < parts; p++) {
      b.append(GLUE[rnd.nextInt(GLUE.length)]);
      String v = iocs.get(rnd.nextInt(iocs.size())).value();
      switch (rnd.nextInt(6)) {
        case 0 -> b.append(v.toUpperCase(Locale.ROOT));
        case 1 -> b.append(v, 0, rnd.nextInt(v.length() + 1));
        case 2 -> b.append(v.substring(rnd.nextInt(v.length())));
        default -> b.append(v);
      }
      b.append(GLUE[rnd.nextInt(GLUE.length)]);
    }
    return b.toString();
  }
}
