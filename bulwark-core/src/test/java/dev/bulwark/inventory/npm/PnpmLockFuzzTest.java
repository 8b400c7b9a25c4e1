package dev.bulwark.inventory.npm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: pnpm-lock.yaml (YAML). Seeds: PnpmLockFuzzTestInputs/pnpmLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PnpmLockFuzzTest {
  @FuzzTest
  void pnpmLock(byte[] data) {
    ExtractorFuzz.check(new PnpmLockExtractor(), "pnpm-lock.yaml", data);
  }
}
