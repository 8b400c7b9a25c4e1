package dev.bulwark.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.artifact.ArtifactFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz target: the git config reader, alone and as the execution surface reads
 * {@code .git/config} (hooks paths, aliases, filters, fsmonitor). Seeds:
 * GitConfigFuzzTestInputs/gitConfig/. Property: never throws.
 */
class GitConfigFuzzTest {
  @FuzzTest
  void gitConfig(byte[] data) {
    GitConfig.read(new String(data, StandardCharsets.UTF_8));
    SurfaceBuilder.build(new ProjectTree("fuzz", "folder",
        List.of(new ArtifactFile(".git/config", data, false)), List.of(), List.of()));
  }
}
