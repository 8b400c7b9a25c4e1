package dev.bulwark.analysis.deobf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.TextGates;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Gates#contains} answers {@code String.contains} for every gate literal and for others, on
 * seeded random texts built from the literals, slices of them (near misses) and other characters
 * (non-ASCII included), asked in changing orders so that the per-thread answer is reused and
 * replaced.
 */
class GatesTest {
  private static final String[] NOISE = {" ", "\n", "(", ")", "[", "]", "+", "^", "=", ">", ":", "-", "1", "_",
    "0x", "é", "€", "\uD83D\uDE00", "u", "\\", "Ω", "x"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 20261207L})
  void agreesWithContains(long seed) {
    agreesWithContains(seed, Gates::contains);
  }

  /** Both ways of answering, whatever this JVM's JIT: one pass, and each literal when first asked. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {2L, 20261208L})
  void bothWaysAgreeWithContains(long seed) {
    TextGates onePass = new TextGates(true, Gates.LITERALS);
    TextGates perLiteral = new TextGates(false, Gates.LITERALS);
    agreesWithContains(seed, onePass::contains);
    agreesWithContains(seed + 1, perLiteral::contains);
  }

  private static void agreesWithContains(long seed, java.util.function.BiPredicate<String, String> gates) {
    Random r = new Random(seed);
    List<String> pieces = new ArrayList<>(List.of(NOISE));
    for (String l : Gates.LITERALS) {
      pieces.add(l);
      for (int k = 0; k < 3; k++) {
        int s = r.nextInt(l.length());
        pieces.add(l.substring(s, s + 1 + r.nextInt(l.length() - s)));
      }
    }
    List<String> asked = new ArrayList<>(Gates.LITERALS);
    asked.add("fromCharCod");
    asked.add("eval(");
    int present = 0;
    int absent = 0;
    for (int t = 0; t < 3_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = r.nextInt(30); i < n; i++) {
        b.append(pieces.get(r.nextInt(pieces.size())));
      }
      String text = b.toString();
      String other = new String(text.toCharArray()); // equal, not the same object
      for (int q = 0; q < 40; q++) {
        String lit = asked.get(r.nextInt(asked.size()));
        String on = r.nextInt(8) == 0 ? other : text;
        boolean want = on.contains(lit);
        assertThat(gates.test(on, lit)).as("[%s] contains [%s]", on, lit).isEqualTo(want);
        if (want) {
          present++;
        } else {
          absent++;
        }
      }
    }
    assertThat(present).isGreaterThan(10_000);
    assertThat(absent).isGreaterThan(10_000);
  }
}
