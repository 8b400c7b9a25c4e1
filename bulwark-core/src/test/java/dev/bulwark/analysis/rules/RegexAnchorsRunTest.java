package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The String path of {@code Run.longest} equals the CharSequence one it shortcuts. */
class RegexAnchorsRunTest {
  @Test
  void longestOnAStringEqualsLongestOnACharSequence() {
    Random rnd = new Random(11);
    String alphabet = "ab \t\n-é\u017F";
    int nonZero = 0;
    for (int n = 0; n < 5_000; n++) {
      boolean[] ascii = new boolean[128];
      for (char c : "ab- \t".toCharArray()) {
        ascii[c] = rnd.nextBoolean();
      }
      RegexAnchors.Run run = new RegexAnchors.Run(ascii, rnd.nextBoolean(), 1);
      StringBuilder b = new StringBuilder();
      for (int i = rnd.nextInt(40); i > 0; i--) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = b.toString();
      int from = s.isEmpty() ? 0 : rnd.nextInt(s.length());
      int to = from + (s.length() == from ? 0 : rnd.nextInt(s.length() - from + 1));
      int want = run.longest(CharBuffer.wrap(s), from, to);
      assertThat(run.longest(s, from, to)).as("%s [%d, %d)", s, from, to).isEqualTo(want);
      nonZero += want > 0 ? 1 : 0;
    }
    assertThat(nonZero).isGreaterThan(1_000);
  }
}
