package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: pyproject.toml, read as a manifest. Seeds: PyprojectFuzzTestInputs/pyproject/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PyprojectFuzzTest {
  @FuzzTest
  void pyproject(byte[] data) {
    ExtractorFuzz.check(new PyprojectExtractor(), "pyproject.toml", data);
  }
}
