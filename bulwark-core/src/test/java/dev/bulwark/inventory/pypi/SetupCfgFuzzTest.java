package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: setup.cfg (INI-like). Seeds: SetupCfgFuzzTestInputs/setupCfg/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class SetupCfgFuzzTest {
  @FuzzTest
  void setupCfg(byte[] data) {
    ExtractorFuzz.check(new SetupCfgExtractor(), "setup.cfg", data);
  }
}
