package dev.bulwark.inventory.npm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: bun.lock (JSONC). Seeds: BunLockFuzzTestInputs/bunLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class BunLockFuzzTest {
  @FuzzTest
  void bunLock(byte[] data) {
    ExtractorFuzz.check(new BunLockExtractor(), "bun.lock", data);
  }
}
