package dev.bulwark.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpmVersionSchemeTest {
  private static final VersionScheme NPM = VersionScheme.of(Ecosystem.NPM);

  static Stream<Arguments> precedence() {
    return OrderingTables.rows("semver-precedence.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precedence")
  void comparesPerSemverPrecedence(String version, int index, List<List<String>> groups) {
    OrderingTables.assertRow(NPM, version, index, groups);
  }

  static Stream<Arguments> versions() {
    return Tables.arguments("npm-versions.txt", 3).stream();
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("versions")
  void validatesAndNormalises(String input, String valid, String normalised) {
    assertThat(NPM.isValid(input)).isEqualTo(Boolean.parseBoolean(valid));
    assertThat(NPM.normalize(input)).isEqualTo(normalised);
  }

  static Stream<Arguments> ranges() {
    return Tables.arguments("npm-ranges.txt", 3).stream();
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @MethodSource("ranges")
  void rangeMembership(String range, String version, String expected) throws Exception {
    VersionRange r = NPM.parseRange(range);
    assertThat(r.contains(version)).isEqualTo(Boolean.parseBoolean(expected));
    assertThat(r.spec()).isEqualTo(range);
    if (r.contains(version)) {
      assertThat(r.intervals()).anyMatch(i -> i.contains(version, NPM));
    }
  }

  static Stream<String> invalidRanges() {
    return Tables.values("npm-invalid-ranges.txt").stream().map(Tables::unquote);
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("invalidRanges")
  void rejectsNonRanges(String spec) {
    assertThatThrownBy(() -> NPM.parseRange(spec)).isInstanceOf(InvalidVersionException.class);
  }

  static Stream<Arguments> intervals() {
    return Tables.arguments("npm-intervals.txt", 2).stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("intervals")
  void desugarsToIntervals(String range, String expected) throws Exception {
    assertThat(IntervalText.format(NPM.parseRange(range).intervals())).isEqualTo(expected);
  }

  @Test
  void invalidVersionsSortFirstByStringOrder() {
    List<String> sorted = Stream.of("1.0.0", "zzz", "0.0.0-0", "abc", "").sorted(NPM::compare).toList();
    assertThat(sorted).containsExactly("", "abc", "zzz", "0.0.0-0", "1.0.0");
  }
}
