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
}
