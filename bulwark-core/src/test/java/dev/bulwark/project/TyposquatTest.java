package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TyposquatTest {
  static Stream<String> cases() throws IOException, URISyntaxException {
    Path p = Path.of(TyposquatTest.class.getResource("typosquat/cases.txt").toURI());
    return Files.readAllLines(p).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void table(String line) {
    String[] w = line.split("\\s+");
    Ecosystem eco = w[0].equals("npm") ? Ecosystem.NPM : Ecosystem.PYPI;
    Optional<Typosquat.Match> m = Typosquat.builtin().check(eco, w[1]);
    if (w[2].equals("-")) {
      assertThat(m).as(line).isEmpty();
    } else {
      assertThat(m).as(line).isPresent();
      assertThat(m.get().looksLike()).as(line).isEqualTo(w[2]);
    }
  }

  @Test
  void distanceIsDamerauLevenshtein() {
    assertThat(Typosquat.distance("axios", "axois", 3)).isEqualTo(1);
    assertThat(Typosquat.distance("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(Typosquat.distance("abc", "abc", 2)).isZero();
    assertThat(Typosquat.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
  }

  /** Seeded: random one-edit mutations of top names are flagged (or are themselves popular). */
  @Test
  void mutationsOfTopNamesAreCaught() {
    List<String> npm = Typosquat.load("npm.txt");
    Random rnd = new Random(42);
    int caught = 0;
    int tried = 0;
    for (int k = 0; k < 300; k++) {
      String t = npm.get(rnd.nextInt(500));
      if (t.length() < 6 || t.startsWith("@")) {
        continue;
      }
      int i = rnd.nextInt(t.length() - 1);
      String m = t.substring(0, i) + t.charAt(i + 1) + t.charAt(i) + t.substring(i + 2);
      if (m.equals(t) || Typosquat.builtin().isPopular(Ecosystem.NPM, m)) {
        continue;
      }
      tried++;
      if (Typosquat.builtin().check(Ecosystem.NPM, m).isPresent()) {
        caught++;
      }
    }
    assertThat(tried).isGreaterThan(50);
    System.out.printf("typosquat: %d of %d swapped-letter mutations caught%n", caught, tried);
    assertThat(caught).isGreaterThanOrEqualTo(tried * 9 / 10);
  }

  /**
   * The false-positive rate of the popular lists against themselves: each name ranked after the
   * targets, pretended unknown, is checked against the rest. Printed for the report.
   */
  @Test
  void selfFalsePositiveRate() {
    for (String list : List.of("npm.txt", "pypi.txt")) {
      List<String> names = Typosquat.load(list);
      Ecosystem eco = list.startsWith("npm") ? Ecosystem.NPM : Ecosystem.PYPI;
      int flagged = 0;
      int strong = 0;
      int total = 0;
      for (String n : names.subList(Typosquat.TARGETS, names.size())) {
        total++;
        Optional<Typosquat.Match> m = Typosquat.builtin().check(eco, n, Typosquat.normalize(eco, n));
        if (m.isPresent()) {
          flagged++;
          strong += m.get().strong() ? 1 : 0;
          if (flagged <= 40) {
            System.out.println("  " + n + " ~ " + m.get().looksLike() + " (" + m.get().how() + ")");
          }
        }
      }
      double rate = 100.0 * flagged / total;
      System.out.printf("typosquat self-FP %s: %d of %d = %.2f%% (strong, verdict-changing: %d = %.2f%%)%n",
          list, flagged, total, rate, strong, 100.0 * strong / total);
      assertThat(rate).isLessThan(15.0);
    }
  }
}
