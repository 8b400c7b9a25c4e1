package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Blank-line padding hides a tail: both padding heuristics ignore a gap with a long file after it. */
class BlankLinePaddingTest {
  @ParameterizedTest(name = "{0}: {1} blank lines, {2} chars after: {3}")
  @CsvSource({
    "whitespace-padding, 300, 0, true",
    "whitespace-padding, 300, 200000, true",
    "whitespace-padding, 300, 400000, false",
    "whitespace-padding, 20, 0, false",
    "hidden-code-executes, 300, 0, true",
    "hidden-code-executes, 300, 200000, true",
    "hidden-code-executes, 300, 400000, false",
    "hidden-code-executes, 20, 0, false",
  })
  void blankLinesHideOnlyATail(String heuristic, int blank, int tail, boolean hidden) {
    Heuristic h = heuristic.equals("whitespace-padding") ? new WhitespacePaddingHeuristic() : new HiddenCodeHeuristic();
    assertThat(HeuristicCases.find(h, "tailwind.config.js", HeuristicCases.paddedTail(blank, tail)))
        .hasSize(hidden ? 1 : 0);
  }
}
