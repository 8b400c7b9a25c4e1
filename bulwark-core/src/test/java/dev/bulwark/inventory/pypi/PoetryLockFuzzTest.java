package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: poetry.lock (TOML). Seeds: PoetryLockFuzzTestInputs/poetryLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PoetryLockFuzzTest {
  @FuzzTest
  void poetryLock(byte[] data) {
    ExtractorFuzz.check(new PoetryLockExtractor(), "poetry.lock", data);
  }
}
