package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: uv.lock (TOML). Seeds: UvLockFuzzTestInputs/uvLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class UvLockFuzzTest {
  @FuzzTest
  void uvLock(byte[] data) {
    ExtractorFuzz.check(new UvLockExtractor(), "uv.lock", data);
  }
}
