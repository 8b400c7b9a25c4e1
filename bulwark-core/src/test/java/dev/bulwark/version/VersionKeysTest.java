package dev.bulwark.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte keys order exactly as the comparators do: on the ordering tables (pre-releases, build
 * metadata, epochs, local versions, numbers beyond 64 bits), on the extra cases of
 * testdata/version-keys.txt, and on seeded random pairs including invalid versions.
 */
class VersionKeysTest {
  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of(Ecosystem.NPM, "semver-precedence.txt"),
        Arguments.of(Ecosystem.NPM, "version-keys-npm.txt"),
        Arguments.of(Ecosystem.PYPI, "pep440-ordering.txt"),
        Arguments.of(Ecosystem.PYPI, "version-keys-pep440.txt"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tables")
  void keysOrderAsTheTableAndTheComparator(Ecosystem e, String file) {
    VersionScheme s = VersionScheme.of(e);
    List<List<String>> groups = OrderingTables.groups(file);
    List<String> all = groups.stream().flatMap(List::stream).toList();
    SoftAssertions soft = new SoftAssertions();
    for (int i = 0; i < groups.size(); i++) {
      for (String a : groups.get(i)) {
        for (int j = 0; j < groups.size(); j++) {
          for (String b : groups.get(j)) {
            soft.assertThat(sign(s, a, b)).as("key(%s) vs key(%s)", a, b)
                .isEqualTo(Integer.signum(Integer.compare(i, j)));
          }
        }
      }
    }
    for (String a : all) {
      for (String b : all) {
        soft.assertThat(sign(s, a, b)).as("key vs compare %s %s", a, b)
            .isEqualTo(Integer.signum(s.compare(a, b)));
      }
    }
    soft.assertAll();
  }

  static Stream<Arguments> seeds() {
    List<Arguments> out = new ArrayList<>();
    for (long seed : new long[] {1L, 7L, 20261207L}) {
      out.add(Arguments.of(Ecosystem.NPM, seed));
      out.add(Arguments.of(Ecosystem.PYPI, seed));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("seeds")
  void keysOrderAsTheComparatorOnRandomVersions(Ecosystem e, long seed) {
    VersionScheme s = VersionScheme.of(e);
    RandomVersions g = new RandomVersions(seed);
    Function<RandomVersions, String> next =
        e == Ecosystem.NPM ? RandomVersions::npmVersion : RandomVersions::pep440Version;
    List<String> vs = Stream.generate(() -> next.apply(g)).limit(2000).toList();
    assertThat(vs.stream().filter(v -> !s.isValid(v)).count()).as("some invalid").isPositive();
    Random r = new Random(seed);
    for (int k = 0; k < 50_000; k++) {
      String a = vs.get(r.nextInt(vs.size()));
      String b = vs.get(r.nextInt(vs.size()));
      assertThat(sign(s, a, b)).as("%s vs %s", a, b).isEqualTo(Integer.signum(s.compare(a, b)));
    }
  }

  private static int sign(VersionScheme s, String a, String b) {
    byte[] ka = s.key(a);
    byte[] kb = s.key(b);
    assertThat(ka).as("key of %s", a).isNotEmpty();
    return Integer.signum(Arrays.compareUnsigned(ka, kb));
  }
}
