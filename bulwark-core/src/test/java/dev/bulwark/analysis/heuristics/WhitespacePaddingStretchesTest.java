package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.rules.Hit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stretch-probing scan gives the character loop's hits, in order and capped the same way. */
class WhitespacePaddingStretchesTest {
  private static final String[] PIECES = {" ", "\t", "\r", "\u00a0", "\n", "\r\n", "a", ";", "é", "x = 1", "\uD83D\uDE00"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void sameHitsAsTheCharacterLoop(int seed) {
    Random rnd = new Random(seed);
    int withHits = 0;
    for (int n = 0; n < 3_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int parts = rnd.nextInt(60); parts > 0; parts--) {
        b.append(PIECES[rnd.nextInt(PIECES.length)].repeat(1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 25 : 3)));
      }
      String t = b.toString();
      int minSpaces = rnd.nextInt(4) == 0 ? 150 : 1 + rnd.nextInt(20);
      int minBlank = rnd.nextInt(4) == 0 ? 100 : 1 + rnd.nextInt(12);
      int max = 1 + rnd.nextInt(16);
      List<Hit> want = WhitespacePaddingHeuristic.scanPlain(t, minSpaces, minBlank, max);
      assertThat(WhitespacePaddingHeuristic.scan(t, minSpaces, minBlank, max))
          .as("min-spaces %d, min-blank-lines %d, max %d on %s", minSpaces, minBlank, max, t.replace("\n", "\\n"))
          .isEqualTo(want);
      withHits += want.isEmpty() ? 0 : 1;
    }
    assertThat(withHits).isGreaterThan(500);
  }
}
