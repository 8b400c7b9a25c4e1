package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.artifact.ReaderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dependency folders of a project folder are read, and in which order against the budget. */
class ProjectLoaderTest {
  @TempDir Path dir;

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private void project() throws IOException {
    write(dir.resolve("package.json"), "{\"name\":\"app\",\"scripts\":{\"start\":\"node server.js\"}}");
    write(dir.resolve("server.js"), "require('lib');\n");
    write(dir.resolve("node_modules/lib/package.json"), "{\"name\":\"lib\",\"version\":\"1.0.0\"}");
    write(dir.resolve("node_modules/lib/index.js"), "module.exports = 1;\n");
  }

  @Test
  void aNodeModulesFolderThatCameWithTheProjectIsRead() throws IOException {
    project();
    ProjectTree t = new ProjectLoader(ReaderLimits.defaults()).load(dir, "app", Optional.empty());
    assertThat(t.files()).extracting(ArtifactFile::path)
        .contains("server.js", "node_modules/lib/index.js", "node_modules/lib/package.json");
  }

  @Test
  void aNodeModulesFolderAPackageManagerFilledIsSkippedWithAHint() throws IOException {
    project();
    write(dir.resolve("node_modules/.package-lock.json"), "{}");
    ProjectTree t = new ProjectLoader(ReaderLimits.defaults()).load(dir, "app", Optional.empty());
    assertThat(t.files()).extracting(ArtifactFile::path).contains("server.js")
        .noneMatch(p -> p.startsWith("node_modules/"));
    assertThat(t.skipped()).anySatisfy(s -> {
      assertThat(s.path()).isEqualTo("node_modules/");
      assertThat(s.reason()).contains("bulwark scan node_modules");
    });
  }

  @Test
  void theProjectsOwnFilesAreReadBeforeShippedDependenciesUseUpTheBudget() throws IOException {
    project();
    write(dir.resolve("node_modules/aaa/big.js"), "x".repeat(5_000));
    write(dir.resolve("zzz/own.js"), "module.exports = 2;\n");
    ReaderLimits small = new ReaderLimits(2_000, 10_000, 1_000, 100, 2, Duration.ofSeconds(30));
    ProjectTree t = new ProjectLoader(small).load(dir, "app", Optional.empty());
    assertThat(t.files()).extracting(ArtifactFile::path).contains("server.js", "zzz/own.js")
        .doesNotContain("node_modules/aaa/big.js");
    assertThat(t.problems()).anySatisfy(p -> assertThat(p.message()).contains("the rest was not read"));
  }
}
