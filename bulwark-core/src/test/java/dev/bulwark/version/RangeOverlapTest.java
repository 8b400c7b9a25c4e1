package dev.bulwark.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RangeOverlapTest {
  static Stream<Arguments> overlaps() {
    return Tables.arguments("range-overlaps.txt", 4).stream();
  }

  @ParameterizedTest(name = "{0}: {1} vs {2}")
  @MethodSource("overlaps")
  void intervalsOverlapAsExpected(String ecosystem, String a, String b, String expected) throws Exception {
    VersionScheme s = VersionScheme.of(Ecosystem.parse(ecosystem).orElseThrow());
    List<Interval> left = s.parseRange(a).intervals();
    List<Interval> right = s.parseRange(b).intervals();
    boolean overlap = left.stream().anyMatch(x -> right.stream().anyMatch(y -> x.overlaps(y, s)));
    assertThat(overlap).isEqualTo(Boolean.parseBoolean(expected));
  }
}
