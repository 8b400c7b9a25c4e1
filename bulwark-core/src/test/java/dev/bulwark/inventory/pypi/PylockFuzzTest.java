package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: pylock.toml, PEP 751 (TOML). Seeds: PylockFuzzTestInputs/pylock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PylockFuzzTest {
  @FuzzTest
  void pylock(byte[] data) {
    ExtractorFuzz.check(new PylockExtractor(), "pylock.toml", data);
  }
}
