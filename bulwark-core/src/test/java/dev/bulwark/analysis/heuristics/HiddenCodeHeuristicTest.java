package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HiddenCodeHeuristicTest {
  private final Heuristic h = new HiddenCodeHeuristic();

  static Stream<String> cases() {
    return HeuristicCases.cases("hidden-code-executes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firesOnPositivesOnly(String caseName) throws IOException {
    HeuristicCases.check(h, caseName);
  }

  @Test
  void hasPositiveAndNegativeCasesAndMetadata() {
    assertThat(cases().filter(c -> c.startsWith("pos-"))).isNotEmpty();
    assertThat(cases().filter(c -> c.startsWith("neg-"))).isNotEmpty();
    assertThat(h.meta().id()).isNotBlank();
    assertThat(h.meta().explanation().action()).isNotBlank();
  }
}
