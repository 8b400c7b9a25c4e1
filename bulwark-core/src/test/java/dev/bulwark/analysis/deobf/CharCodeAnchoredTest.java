package dev.bulwark.analysis.deobf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CharCodeTechnique.Anchored} must return exactly the matches of {@code Matcher.find()}
 * (start, groups, count), on seeded random texts dense in the patterns' literals, near-misses and
 * overlapping candidates: the speed change may not move a single reveal.
 */
class CharCodeAnchoredTest {
  private static final String NUM = "(?:0[xX][0-9a-fA-F]+|\\d+)";
  private static final Pattern[] PATTERNS = {
    Pattern.compile("fromCharCode\\(\\s*(?:\\.\\.\\.\\s*\\[)?\\s*(" + NUM + "(?:\\s*,\\s*" + NUM + ")*)"),
    Pattern.compile("(?:bytes|bytearray|map\\(\\s*chr\\s*,|Buffer\\.from\\(|Uint8Array\\()\\s*\\(?\\s*\\[\\s*(" + NUM + "(?:\\s*,\\s*" + NUM + ")*)\\s*,?\\s*\\]"),
    Pattern.compile("(?:chr\\(\\s*" + NUM + "\\s*\\)\\s*[+,]?\\s*){3,}"),
  };
  private static final String[][] STARTS = {
    {"fromCharCode("},
    {"bytes", "bytearray", "map(", "Buffer.from(", "Uint8Array("},
    {"chr("},
  };
  private static final String[] PIECES = {
    "fromCharCode(", "fromCharCode", "...[", "chr(", "chr", ")", "+", ",", " ", "\n", "[", "]", "(",
    "bytes", "bytearray", "byte", "map(", "map( chr ,", "Buffer.from(", "Buffer.from", "Uint8Array(",
    "0x41", "0X7a", "72", "105", "1", "x", "é", "\uD83D\uDE00", "String.", "=", ";",
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 13L, 20261207L})
  void anchoredFindReturnsWhatFindReturns(long seed) {
    Random r = new Random(seed);
    int compared = 0;
    int matches = 0;
    for (int k = 0; k < 4000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = r.nextInt(60); i < n; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      for (int p = 0; p < PATTERNS.length; p++) {
        List<String> want = new ArrayList<>();
        Matcher m = PATTERNS[p].matcher(text);
        int found = 0;
        while (found++ < 5 && m.find()) {
          want.add(m.start() + "|" + m.group() + "|" + (m.groupCount() > 0 ? m.group(1) : ""));
        }
        List<String> got = new ArrayList<>();
        CharCodeTechnique.Anchored a = new CharCodeTechnique.Anchored(CharCodeTechnique.Anchored.anchor(PATTERNS[p]), text, STARTS[p]);
        found = 0;
        while (found++ < 5 && a.find()) {
          got.add(a.start() + "|" + a.group(0) + "|" + (p < 2 ? a.group(1) : ""));
        }
        assertThat(got).as("pattern %d on [%s]", p, text).isEqualTo(want);
        compared++;
        matches += want.size();
      }
    }
    assertThat(matches).as("the texts do match (%d of %d)", matches, compared).isGreaterThan(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {2L, 99L})
  void theTechniqueUsesTheSamePatterns(long seed) {
    // The test's copies of the patterns must be the technique's: the same reveals either way.
    Random r = new Random(seed);
    for (int k = 0; k < 500; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = r.nextInt(40); i < n; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      List<Reveal> got = new CharCodeTechnique().find(text, List.of(), 1 << 20);
      List<Reveal> want = new ArrayList<>();
      String[] names = {"fromCharCode", "bytes", "chr"};
      if (text.contains("fromCharCode") || text.contains("chr(") || text.contains("bytes")
          || text.contains("Buffer.from") || text.contains("Uint8Array")) {
        for (int p = 0; p < PATTERNS.length; p++) {
          Matcher m = PATTERNS[p].matcher(text);
          int found = 0;
          while (found++ < Technique.MAX_CANDIDATES && m.find()) {
            String s = CharCodeTechnique.codes(p == 2 ? m.group() : m.group(1), 1 << 20);
            if (s.length() >= 2 && Decoders.printable(s)) {
              want.add(new Reveal(names[p], m.start(), s, s.length() < 200));
            }
          }
        }
      }
      assertThat(got).as(text).isEqualTo(want);
    }
  }
}
