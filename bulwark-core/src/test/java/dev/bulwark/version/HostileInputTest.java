package dev.bulwark.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Huge, long, binary and non-ASCII input: no exception except documented InvalidVersionException. */
class HostileInputTest {

  @ParameterizedTest
  @EnumSource(Ecosystem.class)
  void randomGarbageNeverThrowsUnexpectedly(Ecosystem e) {
    VersionScheme s = VersionScheme.of(e);
    RandomVersions g = new RandomVersions(7);
    for (int k = 0; k < 20_000; k++) {
      String a = g.garbage(40);
      String b = g.garbage(40);
      assertThat(Integer.signum(s.compare(a, b))).isEqualTo(-Integer.signum(s.compare(b, a)));
      assertThat(s.compare(s.normalize(a), a)).isZero();
      s.isValid(a);
      try {
        VersionRange r = s.parseRange(a);
        if (r.contains(b)) {
          assertThat(r.intervals()).anyMatch(i -> i.contains(b, s));
        }
      } catch (InvalidVersionException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Ecosystem.class)
  void longStringsAreInvalidVersionsAndBoundedRanges(Ecosystem e) {
    VersionScheme s = VersionScheme.of(e);
    String longDigits = "1." + "9".repeat(10_000) + ".0";
    String longDots = "1" + ".0".repeat(5_000);
    String nulls = "\0".repeat(10_000);
    for (String v : new String[] {longDigits, longDots, nulls, "x".repeat(10_000)}) {
      assertThat(s.isValid(v)).isFalse();
      assertThat(s.normalize(v)).isSameAs(v);
      assertThat(s.compare(v, "1.0.0")).isNegative();
    }
    assertThatThrownBy(() -> s.parseRange("1".repeat(100_000))).isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> s.parseRange(nulls)).isInstanceOf(InvalidVersionException.class);
  }

  @Test
  void longButReasonableRangesStillParse() throws Exception {
    VersionScheme npm = VersionScheme.of(Ecosystem.NPM);
    String npmSpec = String.join(" || ", Stream.iterate(0, i -> i + 1).limit(1000).map(i -> "^" + i + ".0.0").toList());
    VersionRange r = npm.parseRange(npmSpec);
    assertThat(r.contains("999.1.0")).isTrue();
    assertThat(r.intervals()).hasSize(1000);
    VersionScheme pypi = VersionScheme.of(Ecosystem.PYPI);
    String pySpec = String.join(",", Stream.iterate(0, i -> i + 1).limit(1000).map(i -> "!=0." + i).toList());
    assertThat(pypi.parseRange(pySpec).contains("0.5")).isFalse();
    assertThat(pypi.parseRange(pySpec).contains("1.0")).isTrue();
  }

  @Test
  void hugeNumbersOrderNumerically() {
    for (Ecosystem e : Ecosystem.values()) {
      VersionScheme s = VersionScheme.of(e);
      assertThat(s.compare("1.2.99999999999999999999", "1.2.99999999999999999998")).isPositive();
      assertThat(s.compare("1.2.99999999999999999999", "1.2.100000000000000000000")).isNegative();
      assertThat(s.compare("1.2.9223372036854775808", "1.2.9223372036854775807")).isPositive();
    }
    assertThat(VersionScheme.of(Ecosystem.PYPI).compare("99999999999999999999!1.0", "1!1.0")).isPositive();
    assertThat(VersionScheme.of(Ecosystem.NPM).compare("1.0.0-99999999999999999999", "1.0.0-3")).isPositive();
  }

  @Test
  void unicodeDigitsAreNotDigits() throws Exception {
    for (Ecosystem e : Ecosystem.values()) {
      VersionScheme s = VersionScheme.of(e);
      assertThat(s.isValid("\u0661.\u0662.\u0663")).isFalse();
      assertThat(s.isValid("\uff11.0.0")).isFalse();
      assertThatThrownBy(() -> s.parseRange(">=\u0661.0.0")).isInstanceOf(InvalidVersionException.class);
    }
  }
}
