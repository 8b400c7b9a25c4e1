package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: Pipfile, read as a manifest (TOML). Seeds: PipfileFuzzTestInputs/pipfile/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PipfileFuzzTest {
  @FuzzTest
  void pipfile(byte[] data) {
    ExtractorFuzz.check(new PipfileExtractor(), "Pipfile", data);
  }
}
