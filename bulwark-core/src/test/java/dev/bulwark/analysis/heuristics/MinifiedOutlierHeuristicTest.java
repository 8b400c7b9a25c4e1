package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinifiedOutlierHeuristicTest {
  private final Heuristic h = new MinifiedOutlierHeuristic();

  static Stream<String> cases() {
    return HeuristicCases.cases("minified-outlier");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firesOnPositivesOnly(String caseName) throws IOException {
    HeuristicCases.check(h, caseName);
  }

  /** The early-stopping comparison against the whole count, on lengths and line counts around the limit. */
  @Test
  void averageLineBelowAgreesWithTheWholeCount() {
    java.util.Random r = new java.util.Random(41);
    int below = 0;
    int above = 0;
    for (int k = 0; k < 20_000; k++) {
      int limit = 1 + r.nextInt(k % 2 == 0 ? 8 : 500);
      int len = r.nextInt(4 * limit + 3) + (k % 7 == 0 ? 0 : limit * r.nextInt(6));
      StringBuilder b = new StringBuilder(len);
      int lineChance = 1 + r.nextInt(2 * limit + 1);
      for (int i = 0; i < len; i++) {
        b.append(r.nextInt(lineChance) == 0 ? '\n' : r.nextInt(50) == 0 ? '\u00e9' : 'x');
      }
      String t = b.toString();
      boolean expected = MinifiedOutlierHeuristic.averageLine(t) < limit;
      assertThat(MinifiedOutlierHeuristic.averageLineBelow(t, limit)).as("limit %d, [%s]", limit, t).isEqualTo(expected);
      if (expected) {
        below++;
      } else {
        above++;
      }
    }
    assertThat(below).isGreaterThan(2_000);
    assertThat(above).isGreaterThan(2_000);
  }

  @Test
  void hasPositiveAndNegativeCasesAndMetadata() {
    assertThat(cases().filter(c -> c.startsWith("pos-"))).isNotEmpty();
    assertThat(cases().filter(c -> c.startsWith("neg-"))).isNotEmpty();
    assertThat(h.meta().id()).isNotBlank();
    assertThat(h.meta().explanation().action()).isNotBlank();
  }
}
