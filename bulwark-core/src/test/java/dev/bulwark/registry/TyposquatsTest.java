package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class TyposquatsTest {
  private final Typosquats t = Typosquats.builtin();

  @ParameterizedTest(name = "{0}:{1} -> {2}")
  @CsvFileSource(resources = "testdata/typosquats.csv", commentCharacter = '#')
  void flagsLookalikesButNotTheRealPackage(String eco, String name, String popular, String kind) {
    var hit = t.check(Ecosystem.parse(eco).orElseThrow(), name);
    if (popular == null || popular.isEmpty()) {
      assertThat(hit).isEmpty();
    } else {
      assertThat(hit).isPresent();
      assertThat(hit.get().popular()).isEqualTo(popular);
      assertThat(hit.get().kind().name()).isEqualTo(kind);
    }
  }

  /**
   * The false-positive rate of the popular list against itself: how many popular names would be
   * flagged as imitating another popular name. Printed for the report; bounded so a change that
   * makes the matcher much noisier fails.
   */
  @Test
  void selfFalsePositiveRateIsLow() {
    for (Ecosystem e : Ecosystem.values()) {
      List<String> names = t.popular(e);
      long flagged = names.stream().filter(n -> t.checkExcludingSelf(e, n).isPresent()).count();
      names.stream().map(n -> t.checkExcludingSelf(e, n)).flatMap(java.util.Optional::stream)
          .collect(java.util.stream.Collectors.groupingBy(Typosquats.Squat::kind))
          .forEach((k, v) -> System.out.println("  " + k + " " + v.size() + " e.g. "
              + v.stream().limit(12).map(s -> s.name() + "~" + s.popular()).toList()));
      double rate = 100.0 * flagged / names.size();
      System.out.printf("typosquat self-FP %s: %d of %d popular names (%.1f%%)%n",
          e.osvName(), flagged, names.size(), rate);
      assertThat(names).hasSizeGreaterThan(1000);
      assertThat(rate).isLessThan(8.0);
    }
  }

  @Test
  void editDistanceCountsTranspositionsAsOne() {
    assertThat(EditDistance.osa("lodash", "lodahs", 2)).isEqualTo(1);
    assertThat(EditDistance.osa("abc", "abc", 2)).isZero();
    assertThat(EditDistance.osa("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(EditDistance.osa("aaaaaa", "bbbbbb", 2)).isEqualTo(3);
  }

  /** Seeded random one-edit typos of popular names (not on the first letter) are caught. */
  @Test
  void catchesRandomTyposOfPopularNames() {
    java.util.Random rnd = new java.util.Random(20261126L);
    for (Ecosystem e : Ecosystem.values()) {
      List<String> names = t.popular(e).stream().filter(n -> n.length() >= 5 && !n.startsWith("@")).toList();
      int tried = 0;
      int caught = 0;
      while (tried < 500) {
        String n = names.get(rnd.nextInt(names.size()));
        String typo = mutate(n, rnd);
        if (t.isPopular(e, typo) || typo.equals(n)) {
          continue;
        }
        tried++;
        caught += t.check(e, typo).isPresent() ? 1 : 0;
      }
      System.out.printf("typosquat recall %s: %d of %d random one-edit typos%n", e.osvName(), caught, tried);
      assertThat(caught).isGreaterThan(tried * 9 / 10);
    }
  }

  private static String mutate(String n, java.util.Random rnd) {
    int i = 1 + rnd.nextInt(n.length() - 1);
    char c = (char) ('a' + rnd.nextInt(26));
    return switch (rnd.nextInt(4)) {
      case 0 -> n.substring(0, i) + c + n.substring(i + 1);
      case 1 -> n.substring(0, i) + c + n.substring(i);
      case 2 -> n.substring(0, i) + n.substring(i + 1);
      default -> i + 1 < n.length()
          ? n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2) : n + c;
    };
  }
}
