package dev.bulwark.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bounds: a folder is planned without reading content, each package is read on its own,
 * and no package keeps more than {@link ReaderLimits#maxKeptBytes()}, whatever the input.
 */
class BoundedReadingTest {
  private static final int KIB = 1024;

  @TempDir Path tmp;

  private void put(String rel, byte[] content) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  private static long kept(Artifact a) {
    return a.files().stream().mapToLong(f -> f.content().length).sum();
  }

  @Test
  void aPackageLargerThanTheKeptBoundKeepsAtMostTheBoundAndSaysSo() throws IOException {
    ReaderLimits limits = ReaderLimits.defaults().withMaxKeptBytes(1024 * KIB);
    put("big/package.json", "{\"name\":\"big\",\"version\":\"1.0.0\"}".getBytes());
    for (int i = 0; i < 10; i++) {
      put("big/dist/part" + i + ".js", new byte[300 * KIB]);
    }
    Artifact a = new ArtifactReader(limits).read(tmp.resolve("big"), Optional.empty()).get(0);

    assertThat(kept(a)).isLessThanOrEqualTo(1024 * KIB);
    assertThat(a.files()).hasSizeBetween(2, 4);
    assertThat(a.readerFindings()).extracting(f -> f.ruleId())
        .containsExactly(ReaderFindingRules.TOO_LARGE);
    assertThat(a.skipped()).hasSize(11 - a.files().size())
        .allSatisfy(s -> assertThat(s.reason()).contains("not kept"));
  }

  /** A large node_modules: every package is bounded on its own, and none is read while planning. */
  @Test
  void aHugeNodeModulesIsPlannedWithoutReadingAndEachPackageIsBounded() throws IOException {
    ReaderLimits limits = ReaderLimits.defaults().withMaxKeptBytes(512 * KIB);
    int packages = 40;
    for (int i = 0; i < packages; i++) {
      String dir = String.format("node_modules/p%02d/", i);
      put(dir + "package.json", ("{\"name\":\"p" + i + "\",\"version\":\"1.0.0\"}").getBytes());
      put(dir + "a.bin", new byte[400 * KIB]);
      put(dir + "b.bin", new byte[400 * KIB]);
    }
    List<LazyArtifact> plan =
        new ArtifactReader(limits).plan(tmp.resolve("node_modules"), Optional.empty());
    assertThat(plan).hasSize(packages);
    assertThat(plan.get(0).displayName()).endsWith("node_modules/p00");

    // Content changed after planning is what reading sees: planning kept no bytes.
    put("node_modules/p00/a.bin", "changed".getBytes());
    Artifact first = plan.get(0).read();
    assertThat(first.files()).anySatisfy(f -> assertThat(new String(f.content())).isEqualTo("changed"));

    for (LazyArtifact l : plan.subList(1, packages)) {
      Artifact a = l.read();
      assertThat(kept(a)).isLessThanOrEqualTo(512 * KIB);
      assertThat(a.readerFindings()).extracting(f -> f.ruleId())
          .containsExactly(ReaderFindingRules.TOO_LARGE);
    }
  }

  @Test
  void readingAFolderIsReadingItsPlan() throws IOException {
    put("proj/package.json", "{\"name\":\"app\",\"version\":\"1.0.0\"}".getBytes());
    put("proj/node_modules/a/package.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}".getBytes());
    put("proj/node_modules/@s/b/package.json", "{\"name\":\"@s/b\",\"version\":\"2.0.0\"}".getBytes());
    ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());
    List<String> read = reader.read(tmp.resolve("proj"), Optional.empty()).stream()
        .map(Artifact::displayName).toList();
    List<String> planned = reader.plan(tmp.resolve("proj"), Optional.empty()).stream()
        .map(LazyArtifact::displayName).toList();
    assertThat(read).hasSize(3).isEqualTo(planned);
  }
}
