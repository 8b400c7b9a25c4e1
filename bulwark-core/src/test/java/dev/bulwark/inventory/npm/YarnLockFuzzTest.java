package dev.bulwark.inventory.npm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: yarn.lock, classic and Berry. Seeds: YarnLockFuzzTestInputs/yarnLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class YarnLockFuzzTest {
  @FuzzTest
  void yarnLock(byte[] data) {
    ExtractorFuzz.check(new YarnLockExtractor(), "yarn.lock", data);
  }
}
