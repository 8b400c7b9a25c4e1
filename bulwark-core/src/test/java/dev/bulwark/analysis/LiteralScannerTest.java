package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralScannerTest {
  private static List<String> hits(LiteralScanner s, String text) {
    List<String> out = new ArrayList<>();
    s.scan(text, (lit, start) -> out.add(s.literal(lit) + "@" + start));
    return out;
  }

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(delimiter = '|', value = {
    "he she his hers | ushers | she@1 he@2 hers@2",
    "eval exec | x.exec(eval) | exec@2 eval@7",
    "aaa | aaaa | aaa@0 aaa@1",
    "é€x ab | xé€xab | é€x@1 ab@4",
    "abc | ABC | ''",
  })
  void findsEveryOccurrence(String literals, String text, String expected) {
    LiteralScanner s = new LiteralScanner(List.of(literals.trim().split(" ")));
    List<String> want = expected.isBlank() ? List.of() : List.of(expected.trim().split(" "));
    assertThat(new TreeSet<>(hits(s, text.trim()))).isEqualTo(new TreeSet<>(want));
  }

  /** Seeded property: folded, the same occurrences as the library's case-insensitive mode. */
  @Test
  void foldedAgreesWithTheLibraryIgnoringCase() {
    Random r = new Random(12);
    String alphabet = "aAbBc.-1";
    for (int round = 0; round < 200; round++) {
      List<String> lits = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(8); i++) {
        lits.add(random(r, alphabet, 1 + r.nextInt(4)).toLowerCase(java.util.Locale.ROOT));
      }
      lits = new ArrayList<>(new TreeSet<>(lits));
      LiteralScanner mine = new LiteralScanner(lits, true);
      Trie.TrieBuilder b = Trie.builder().ignoreCase();
      lits.forEach(b::addKeyword);
      Trie lib = b.build();
      for (int t = 0; t < 20; t++) {
        String text = random(r, alphabet, r.nextInt(40));
        List<String> want = new ArrayList<>();
        lib.parseText(text).forEach(e -> want.add(e.getKeyword() + "@" + e.getStart()));
        assertThat(new TreeSet<>(hits(mine, text))).as(lits + " in " + text)
            .isEqualTo(new TreeSet<>(want));
      }
    }
  }

  /** Seeded property: the same occurrences as the ahocorasick library. */
  @Test
  void agreesWithTheLibrary() {
    Random r = new Random(11);
    String alphabet = "abcé€ .(";
    for (int round = 0; round < 200; round++) {
      List<String> lits = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(12); i++) {
        lits.add(random(r, alphabet, 1 + r.nextInt(4)));
      }
      lits = new ArrayList<>(new TreeSet<>(lits));
      LiteralScanner mine = new LiteralScanner(lits);
      Trie.TrieBuilder b = Trie.builder();
      lits.forEach(b::addKeyword);
      Trie lib = b.build();
      for (int t = 0; t < 20; t++) {
        String text = random(r, alphabet, r.nextInt(40));
        List<String> want = new ArrayList<>();
        lib.parseText(text).forEach(e -> want.add(e.getKeyword() + "@" + e.getStart()));
        assertThat(new TreeSet<>(hits(mine, text))).as(lits + " in " + text)
            .isEqualTo(new TreeSet<>(want));
        long bits = 0;
        for (int k = 0; k < lits.size(); k++) {
          bits |= text.contains(lits.get(k)) ? 1L << k : 0L;
        }
        assertThat(mine.occurring(text)).as("occurring: " + lits + " in " + text).isEqualTo(bits);
      }
    }
  }

  private static String random(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
