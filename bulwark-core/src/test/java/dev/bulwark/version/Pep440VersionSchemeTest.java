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

class Pep440VersionSchemeTest {
  private static final VersionScheme PYPI = VersionScheme.of(Ecosystem.PYPI);

  static Stream<Arguments> ordering() {
    return OrderingTables.rows("pep440-ordering.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordering")
  void comparesPerPep440(String version, int index, List<List<String>> groups) {
    OrderingTables.assertRow(PYPI, version, index, groups);
  }

  static Stream<Arguments> normalization() {
    return Tables.arguments("pep440-normalization.txt", 2).stream();
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("normalization")
  void normalises(String input, String expected) {
    boolean valid = !expected.equals("INVALID");
    assertThat(PYPI.isValid(input)).isEqualTo(valid);
    assertThat(PYPI.normalize(input)).isEqualTo(valid ? expected : input);
    if (valid) {
      assertThat(PYPI.compare(input, expected)).isZero();
      assertThat(PYPI.normalize(expected)).isEqualTo(expected);
    } else {
      assertThat(PYPI.compare(input, Pep440Clause.MIN_VALID)).isNegative();
    }
  }

  static Stream<Arguments> specifiers() {
    return Tables.arguments("pep440-specifiers.txt", 3).stream();
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @MethodSource("specifiers")
  void specifierMembership(String spec, String version, String expected) throws Exception {
    VersionRange r = PYPI.parseRange(spec);
    assertThat(r.contains(version)).isEqualTo(Boolean.parseBoolean(expected));
    assertThat(r.spec()).isEqualTo(spec);
    if (r.contains(version)) {
      assertThat(r.intervals()).anyMatch(i -> i.contains(version, PYPI));
    }
  }

  static Stream<String> invalidSpecifiers() {
    return Tables.values("pep440-invalid-specifiers.txt").stream().map(Tables::unquote);
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("invalidSpecifiers")
  void rejectsInvalidSpecifiers(String spec) {
    assertThatThrownBy(() -> PYPI.parseRange(spec)).isInstanceOf(InvalidVersionException.class);
  }

  static Stream<Arguments> intervals() {
    return Tables.arguments("pep440-intervals.txt", 2).stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("intervals")
  void specifierIntervals(String spec, String expected) throws Exception {
    assertThat(IntervalText.format(PYPI.parseRange(spec).intervals())).isEqualTo(expected);
  }

  @Test
  void legacyVersionsSortFirstByStringOrder() {
    List<String> sorted =
        Stream.of("1.0", "french toast", "0.dev0", "2.0.0-final", "").sorted(PYPI::compare).toList();
    assertThat(sorted).containsExactly("", "2.0.0-final", "french toast", "0.dev0", "1.0");
  }
}
