package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: Pipfile.lock (JSON). Seeds: PipfileLockFuzzTestInputs/pipfileLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PipfileLockFuzzTest {
  @FuzzTest
  void pipfileLock(byte[] data) {
    ExtractorFuzz.check(new PipfileLockExtractor(), "Pipfile.lock", data);
  }
}
