package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: a project's pip.conf, read by audit (INI-like). Seeds: PipConfFileFuzzTestInputs/pipConf/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PipConfFileFuzzTest {
  @FuzzTest
  void pipConf(byte[] data) {
    ExtractorFuzz.check(new PipConfExtractor(), "pip.conf", data);
  }
}
