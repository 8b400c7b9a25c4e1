package dev.bulwark.analysis.deobf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass run finder equals the two single-class passes it replaced, caps included. */
class RunsTest {
  private static final String[] PIECES = {
    "a", "F", "z", "Q", "0", "9", "+", "/", "=", "-", "_", ".", " ", "\n", "é", "ａ", "\uD83D\uDE00",
    "deadbeef", "0123456789abcdef0123456789", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", "function(", "x.y",
  };

  private static String text(Random rnd) {
    StringBuilder b = new StringBuilder();
    int parts = rnd.nextInt(rnd.nextBoolean() ? 40 : 4000);
    for (int i = 0; i < parts; i++) {
      String p = PIECES[rnd.nextInt(PIECES.length)];
      b.append(p.repeat(1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 30 : 3)));
    }
    return b.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void onePassEqualsTwoPasses(int seed) {
    Random rnd = new Random(seed);
    int capped = 0;
    for (int n = 0; n < 400; n++) {
      String t = text(rnd);
      int minB = 1 + rnd.nextInt(25);
      int minH = 1 + rnd.nextInt(25);
      Runs.Classes both = Runs.base64AndHex(t, minB, minH);
      assertThat(both.base64()).as("base64 runs of %s", t).isEqualTo(Runs.of(t, Runs::base64, minB));
      assertThat(both.hex()).as("hex runs of %s", t).isEqualTo(Runs.of(t, Runs::hex, minH));
      capped += both.base64().size() == Technique.MAX_CANDIDATES || both.hex().size() == Technique.MAX_CANDIDATES ? 1 : 0;
    }
    assertThat(capped).as("texts that reach the cap").isPositive();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void combinedTechniqueRevealsWhatTheTwoDid(int seed) {
    Random rnd = new Random(seed);
    int revealed = 0;
    for (int n = 0; n < 200; n++) {
      StringBuilder b = new StringBuilder(text(rnd));
      String payload = "require('child_process').exec('curl " + n + "')";
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      String enc = rnd.nextBoolean() ? Base64.getEncoder().encodeToString(bytes) : HexFormat.of().formatHex(bytes);
      b.insert(rnd.nextInt(b.length() + 1), " '" + enc + "' ");
      String t = b.toString();
      List<Reveal> want = new ArrayList<>(new Base64Technique().find(t, List.of(), 1 << 20));
      want.addAll(new HexTechnique().find(t, List.of(), 1 << 20));
      assertThat(new RunTechniques().find(t, List.of(), 1 << 20)).isEqualTo(want);
      revealed += want.isEmpty() ? 0 : 1;
    }
    assertThat(revealed).isGreaterThan(100);
  }
}
