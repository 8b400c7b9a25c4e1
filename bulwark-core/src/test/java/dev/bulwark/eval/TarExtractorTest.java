package dev.bulwark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the system tar on tiny inert tarballs made here; skipped where there is no tar. */
class TarExtractorTest {
  @TempDir Path dir;

  @BeforeEach
  void needsTar() {
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(p -> Files.isExecutable(Path.of(p, "tar")));
    assumeTrue(found, "no tar on PATH");
  }

  @Test
  void extractsAndLeavesNothingBehind() throws IOException {
    Path tgz = dir.resolve("a.tgz");
    Files.write(tgz, TestArchives.tgz(Map.of("package/package.json", "{}",
        "package/lib/x.js", "module.exports = 1;\n")));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    long[] ticks = {100, 350};
    int[] i = {0};
    long nanos = new TarExtractor(tmp, Duration.ofSeconds(30), () -> ticks[i[0]++])
        .extractNanos(tgz);
    assertThat(nanos).isEqualTo(250);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aCorruptTarballIsAnIoError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.tgz"), "not gzip at all");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    assertThatThrownBy(() -> new TarExtractor(tmp, Duration.ofSeconds(30)).extractNanos(bad))
        .isInstanceOf(IOException.class).hasMessageContaining("tar exited with status");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
