package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnexpectedBinaryHeuristicTest {
  private final Heuristic h = new UnexpectedBinaryHeuristic();

  static Stream<String> cases() {
    return HeuristicCases.cases("unexpected-native-binary");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firesOnPositivesOnly(String caseName) throws IOException {
    HeuristicCases.check(h, caseName);
  }

  /** Truncated headers of every length up to 20 bytes: an answer, never an exception. */
  @Test
  void truncatedHeadersAreNotObjectFiles() {
    String elfRel = "\u007fELF\u0002\u0001\u0001" + "\u0000".repeat(9) + "\u0001\u0000\u003e\u0000";
    String machoObj = "\u00cf\u00fa\u00ed\u00fe\u0007\u0000\u0000\u0001\u0003\u0000\u0000\u0000"
        + "\u0001\u0000\u0000\u0000" + "\u0000".repeat(4);
    for (String whole : new String[] {elfRel, machoObj}) {
      for (int n = 0; n < whole.length(); n++) {
        NativeBinaryHeuristic.relocatableObject(whole.substring(0, n));
      }
      assertThat(NativeBinaryHeuristic.relocatableObject(whole)).isTrue();
    }
  }

  @Test
  void hasPositiveAndNegativeCasesAndMetadata() {
    assertThat(cases().filter(c -> c.startsWith("pos-"))).isNotEmpty();
    assertThat(cases().filter(c -> c.startsWith("neg-"))).isNotEmpty();
    assertThat(h.meta().id()).isNotBlank();
    assertThat(h.meta().explanation().action()).isNotBlank();
  }
}
