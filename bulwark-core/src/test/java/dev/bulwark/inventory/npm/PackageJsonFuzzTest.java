package dev.bulwark.inventory.npm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: package.json, read as a manifest. Seeds: PackageJsonFuzzTestInputs/packageJson/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class PackageJsonFuzzTest {
  @FuzzTest
  void packageJson(byte[] data) {
    ExtractorFuzz.check(new PackageJsonExtractor(), "package.json", data);
  }
}
