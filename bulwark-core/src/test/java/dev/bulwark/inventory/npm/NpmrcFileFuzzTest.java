package dev.bulwark.inventory.npm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.inventory.ExtractorFuzz;

/**
 * Fuzz target: a project's .npmrc, read by audit. Seeds: NpmrcFileFuzzTestInputs/npmrc/ (from testdata/). Property: see
 * {@link ExtractorFuzz#check}.
 */
class NpmrcFileFuzzTest {
  @FuzzTest
  void npmrc(byte[] data) {
    ExtractorFuzz.check(new NpmrcExtractor(), ".npmrc", data);
  }
}
