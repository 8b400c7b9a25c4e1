package dev.bulwark.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded randomized property tests of both schemes: total order, normalisation, intervals. */
class VersionPropertiesTest {
  private static final long[] SEEDS = {1L, 42L, 20261126L};

  static Stream<Arguments> schemes() {
    return Stream.of(SEEDS).flatMap(seeds -> Stream.of(
        Arguments.of(Ecosystem.NPM, seeds[0]), Arguments.of(Ecosystem.PYPI, seeds[0]),
        Arguments.of(Ecosystem.NPM, seeds[1]), Arguments.of(Ecosystem.PYPI, seeds[1]),
        Arguments.of(Ecosystem.NPM, seeds[2]), Arguments.of(Ecosystem.PYPI, seeds[2])));
  }

  private static List<String> versions(Ecosystem e, long seed, int n) {
    RandomVersions g = new RandomVersions(seed);
    Function<RandomVersions, String> next = e == Ecosystem.NPM ? RandomVersions::npmVersion : RandomVersions::pep440Version;
    return IntStream.range(0, n).mapToObj(i -> next.apply(g)).toList();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("schemes")
  void compareIsATotalOrder(Ecosystem e, long seed) {
    VersionScheme s = VersionScheme.of(e);
    List<String> vs = versions(e, seed, 3000);
    assertThat(vs.stream().filter(s::isValid).count()).as("mostly valid").isGreaterThan(2000);
    Random r = new Random(seed);
    for (String v : vs) {
      assertThat(s.compare(v, v)).as(v).isZero();
    }
    for (int k = 0; k < 20_000; k++) {
      String a = vs.get(r.nextInt(vs.size()));
      String b = vs.get(r.nextInt(vs.size()));
      String c = vs.get(r.nextInt(vs.size()));
      int ab = Integer.signum(s.compare(a, b));
      int bc = Integer.signum(s.compare(b, c));
      assertThat(Integer.signum(s.compare(b, a))).as("antisymmetry %s %s", a, b).isEqualTo(-ab);
      if (ab <= 0 && bc <= 0) {
        int ac = Integer.signum(s.compare(a, c));
        assertThat(ac).as("transitivity %s %s %s", a, b, c).isLessThanOrEqualTo(0);
        assertThat(ac < 0).as("strictness %s %s %s", a, b, c).isEqualTo(ab < 0 || bc < 0);
      }
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("schemes")
  void sortingAgreesWithEveryPair(Ecosystem e, long seed) {
    VersionScheme s = VersionScheme.of(e);
    List<String> sorted = new ArrayList<>(versions(e, seed, 700));
    sorted.sort(s::compare);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        assertThat(s.compare(sorted.get(i), sorted.get(j)))
            .as("%s before %s", sorted.get(i), sorted.get(j)).isLessThanOrEqualTo(0);
      }
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("schemes")
  void normalisationIsConsistentWithCompare(Ecosystem e, long seed) {
    VersionScheme s = VersionScheme.of(e);
    Map<String, List<String>> byNormal = new HashMap<>();
    for (String v : versions(e, seed, 3000)) {
      String n = s.normalize(v);
      assertThat(s.normalize(n)).as("idempotent %s", v).isEqualTo(n);
      assertThat(s.isValid(n)).as("validity kept %s", v).isEqualTo(s.isValid(v));
      assertThat(s.compare(v, n)).as("equal to its normal form %s", v).isZero();
      if (!s.isValid(v)) {
        assertThat(n).isEqualTo(v);
      }
      byNormal.computeIfAbsent(n, k -> new ArrayList<>()).add(v);
    }
    for (List<String> same : byNormal.values()) {
      for (String v : same) {
        assertThat(s.compare(same.get(0), v)).as("%s vs %s", same.get(0), v).isZero();
      }
    }
  }

  @ParameterizedTest(name = "npm seed {0}")
  @MethodSource("seeds")
  void npmEqualPrecedenceMeansEqualNormalForm(long seed) {
    VersionScheme s = VersionScheme.of(Ecosystem.NPM);
    List<String> vs = versions(Ecosystem.NPM, seed, 1500).stream().filter(s::isValid).toList();
    Random r = new Random(seed);
    for (int k = 0; k < 20_000; k++) {
      String a = vs.get(r.nextInt(vs.size()));
      String b = vs.get(r.nextInt(vs.size()));
      assertThat(s.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(s.normalize(a).equals(s.normalize(b)));
    }
  }

  static Stream<Long> seeds() {
    return Stream.of(SEEDS[0], SEEDS[1], SEEDS[2]);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("schemes")
  void intervalsContainEveryMatchingVersion(Ecosystem e, long seed) {
    VersionScheme s = VersionScheme.of(e);
    RandomVersions g = new RandomVersions(seed);
    List<String> vs = versions(e, seed + 1, 400);
    List<String> valid = vs.stream().filter(s::isValid).toList();
    int parsed = 0;
    int matches = 0;
    for (int k = 0; k < 600; k++) {
      String spec = e == Ecosystem.NPM ? g.npmRange() : g.pep440Specifier(valid);
      VersionRange range;
      try {
        range = s.parseRange(spec);
      } catch (InvalidVersionException ex) {
        continue;
      }
      parsed++;
      for (String v : vs) {
        if (range.contains(v)) {
          matches++;
          assertThat(range.intervals()).as("%s contains %s", spec, v).anyMatch(i -> i.contains(v, s));
        }
      }
    }
    assertThat(parsed).as("most generated ranges parse").isGreaterThan(400);
    assertThat(matches).as("ranges match something").isGreaterThan(1000);
  }
}
