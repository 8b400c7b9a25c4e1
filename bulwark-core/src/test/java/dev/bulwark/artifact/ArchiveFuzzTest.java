package dev.bulwark.artifact;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Optional;

/**
 * Fuzz target: the archive reader on bytes in memory (zip, wheel, tar, gzip, bzip2, xz, nested
 * archives, loose files). Seeds: ArchiveFuzzTestInputs/archive/. Properties: hostile content
 * never throws, and what is kept stays within the limits.
 */
class ArchiveFuzzTest {
  /** Small limits, so that going over them shows in a fuzz run; the time budget ends before Jazzer's 5 s. */
  static final ReaderLimits LIMITS = new ReaderLimits(
      8L << 20, 1L << 20, 2_000, 200.0, 3, Duration.ofSeconds(3), 4L << 20);

  @FuzzTest
  void archive(byte[] data) {
    check(new ArtifactReader(LIMITS).read("input", data, Optional.empty()));
  }

  static void check(Artifact a) {
    long kept = 0;
    for (ArtifactFile f : a.files()) {
      if (f.content().length > LIMITS.maxFileBytes()) {
        throw new AssertionError(f.path() + " kept " + f.content().length + " bytes, over the per-file limit");
      }
      kept += f.content().length;
    }
    if (kept > LIMITS.maxKeptBytes()) {
      throw new AssertionError("kept " + kept + " bytes, over the limit of " + LIMITS.maxKeptBytes());
    }
    if (a.files().size() > LIMITS.maxEntries()) {
      throw new AssertionError("kept " + a.files().size() + " files, over the entry limit");
    }
  }
}
