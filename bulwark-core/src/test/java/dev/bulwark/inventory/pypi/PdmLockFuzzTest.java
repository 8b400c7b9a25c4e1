package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: pdm.lock (TOML). Seeds: PdmLockFuzzTestInputs/pdmLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PdmLockFuzzTest {
  @FuzzTest
  void pdmLock(byte[] data) {
    ExtractorFuzz.check(new PdmLockExtractor(), "pdm.lock", data);
  }
}
