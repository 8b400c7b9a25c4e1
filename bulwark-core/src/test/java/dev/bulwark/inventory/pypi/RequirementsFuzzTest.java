package dev.bulwark.inventory.pypi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: requirements files (with -r/-c includes). Seeds: RequirementsFuzzTestInputs/requirements/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class RequirementsFuzzTest {
  @FuzzTest
  void requirements(byte[] data) {
    ExtractorFuzz.check(new RequirementsExtractor(), "requirements.txt", data);
  }
}
