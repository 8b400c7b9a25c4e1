package dev.bulwark.analysis.heuristics;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzz target: the Python surface (what runs at import and install time: module-level calls,
 * imports, classes, cmdclass) over tree-sitter's parse, and the behaviour judge on top of it.
 * Seeds: PySurfaceFuzzTestInputs/pySurface/. Properties: never throws, ends, keeps at most
 * {@link PySurface#MAX_CALLS} calls, and the text pre-check ({@link PyTriggers}) passes whenever
 * the judge reports something.
 */
class PySurfaceFuzzTest {
  @FuzzTest
  void pySurface(byte[] data) {
    String code = new String(data, StandardCharsets.UTF_8);
    boolean may = PyTriggers.mayJudge(code);
    Optional<SyntaxTree> parsed = SyntaxTree.parse(Language.PYTHON, code, Budget.of(dev.bulwark.analysis.EngineLimits.HEURISTIC_PARSE_WORK, 2_000));
    if (parsed.isEmpty()) {
      return;
    }
    try (SyntaxTree t = parsed.get()) {
      for (PySurface s : new PySurface[] {PySurface.of(t, true),
          PySurface.of(t, false, Set.of("main", "setup", "run"), true, true)}) {
        if (s.calls().size() > PySurface.MAX_CALLS) {
          throw new AssertionError(s.calls().size() + " calls, over " + PySurface.MAX_CALLS);
        }
        s.imports();
        if (!PyBehaviour.judge(s).isEmpty() && !may) {
          throw new AssertionError("the pre-check hides a judgement");
        }
      }
    }
  }
}
