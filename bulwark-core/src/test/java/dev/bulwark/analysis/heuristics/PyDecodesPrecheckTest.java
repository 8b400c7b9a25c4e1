package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The literal pre-check of {@code PyBehaviour.decodes} may only spare the regex, never change the
 * answer: seeded random texts made of the decoder names, their pieces, near-misses, other cases
 * and the two non-ASCII letters RE2/J folds to ASCII (U+017F to s, U+212A to k).
 */
class PyDecodesPrecheckTest {
  private static final String[] PIECES = {
    "b64decode", "B64DECODE", "b64", "decode", "decodebytes", "decodebyteſ", "decompress", "DeComPress",
    "unhexlify", "fromhex", "marshal", "MARSHAL", "pickle.loads", "pic\u212Ale.loads", "pickle", ".loads",
    "rot13", "rot_13", "ROT-13", "rot", "13", "[", "::", "-1", "]", " ", "[ :: -1 ]", "chr", "chr (", "(",
    "bytes", "bytes([", "bytearray(", "byte", "decrypt", "Fernet", "zlib", "zlibx", "lzma", "bz2", "_bz2",
    "codecs.decode", "codecs", "x", "import ", "\n", "é", "\u017F", "\u212A",
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3L, 41L, 20261207L})
  void preCheckNeverChangesTheAnswer(long seed) {
    Random r = new Random(seed);
    int yes = 0;
    int no = 0;
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = r.nextInt(8); i < n; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String t = b.toString();
      boolean want = PyBehaviour.decodesByRegex(t);
      assertThat(PyBehaviour.decodes(t)).as("[%s]", t).isEqualTo(want);
      if (want) {
        yes++;
      } else {
        no++;
      }
    }
    assertThat(yes).isGreaterThan(1000);
    assertThat(no).isGreaterThan(1000);
  }
}
