package dev.bulwark.inventory.npm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: package-lock.json / npm-shrinkwrap.json (JSON). Seeds: PackageLockFuzzTestInputs/packageLock/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PackageLockFuzzTest {
  @FuzzTest
  void packageLock(byte[] data) {
    ExtractorFuzz.check(new PackageLockExtractor(), "package-lock.json", data);
  }
}
