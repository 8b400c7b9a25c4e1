package dev.bulwark.analysis.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.rules.Language;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A second reader of a shared parse ends with its budget exactly as a parse of its own would have
 * left it (work charged, exceeded or not) and gets a tree exactly when that parse would have
 * finished, for budgets that stop before, at and after the parse's work, and for child budgets
 * whose parent has little left.
 */
class SharedParseTest {
  private static final String PYTHON = "import os\n" + "def f(a, b):\n    return [a * i for i in range(b)]\n".repeat(400);
  private static final String JS = "const x = require('y');\n" + "function g(a) { return a.map(v => v + 1); }\n".repeat(400);

  /** A budget that never runs out of time: the clock stands still. */
  private static Budget budget(long work, long parentWork, long parentSpent) {
    if (parentWork < 0) {
      return Budget.of(work, 1_000, () -> 0L);
    }
    Budget parent = Budget.of(parentWork, 1_000, () -> 0L);
    parent.charge(parentSpent);
    return parent.child(work);
  }

  @ParameterizedTest(name = "{0}: first {1}, second {2} (parent {3}, spent {4})")
  @CsvSource({
    // language, first reader's work, second reader's work, second's parent (-1: none), spent of it
    "PYTHON, 1000000, 1000000, -1, 0",
    "PYTHON, 1000000, 0, -1, 0",
    "PYTHON, 1000000, 1, -1, 0",
    "PYTHON, 1000000, 5, -1, 0",
    "PYTHON, 1000000, 40000, 20, 0",
    "PYTHON, 1000000, 40000, 1000000, 999990",
    "PYTHON, 1000000, 40000, 1000000, 0",
    "JAVASCRIPT, 1000000, 3, -1, 0",
    "JAVASCRIPT, 1000000, 1000000, -1, 0",
    "JAVASCRIPT, 1000000, 40000, 50, 10",
  })
  void aSecondReaderEndsAsItsOwnParseWould(Language language, long first, long second, long parentWork,
      long spent) {
    String text = language == Language.PYTHON ? PYTHON : JS;
    try (SharedParse shared = new SharedParse()) {
      Budget a = budget(first, -1, 0);
      assertThat(shared.parse(language, text, a)).isPresent();
      long work = shared.work();
      assertThat(work).isEqualTo(a.work()).isGreaterThan(5);

      Budget own = budget(second, parentWork, spent);
      Optional<SyntaxTree> alone = SyntaxTree.parse(language, text, own);
      Budget b = budget(second, parentWork, spent);
      Optional<SyntaxTree> got = shared.parse(language, text, b);
      assertThat(got.isPresent()).isEqualTo(alone.isPresent());
      assertThat(b.work()).isEqualTo(own.work());
      assertThat(b.wasExceeded()).isEqualTo(own.wasExceeded());
      got.ifPresent(t -> assertThat(t.root().toString()).isEqualTo(alone.orElseThrow().root().toString()));
      alone.ifPresent(SyntaxTree::close);
    }
  }

  @ParameterizedTest(name = "cancelled at {0}")
  @CsvSource({"1", "3"})
  void aCancelledParseIsNotShared(long first) {
    try (SharedParse shared = new SharedParse()) {
      assertThat(shared.parse(Language.PYTHON, PYTHON, budget(first, -1, 0))).isEmpty();
      Budget b = budget(1_000_000, -1, 0);
      assertThat(shared.parse(Language.PYTHON, PYTHON, b)).isPresent();
      assertThat(shared.work()).isEqualTo(b.work()).isGreaterThan(first);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"same text, true", "equal text in another string, false"})
  void onlyTheSameTextIsShared(String name, boolean same) {
    String other = same ? PYTHON : new String(PYTHON.toCharArray());
    try (SharedParse shared = new SharedParse()) {
      SyntaxTree t1 = shared.parse(Language.PYTHON, PYTHON, budget(1_000_000, -1, 0)).orElseThrow();
      SyntaxTree t2 = shared.parse(Language.PYTHON, other, budget(1_000_000, -1, 0)).orElseThrow();
      assertThat(t1 == t2).isEqualTo(same);
    }
  }
}
