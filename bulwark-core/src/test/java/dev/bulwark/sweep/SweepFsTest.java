package dev.bulwark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFsTest {
  private static final List<String> SEGMENTS =
      List.of("a", "b", "..", ".", "out-dir", "out-file", "secret.txt", "x");

  /** Seeded random paths built from '..', links to outside and real names never read outside. */
  @Test
  void randomPathsNeverReachOutside(@TempDir Path home, @TempDir Path outside) throws Exception {
    FakeTree.write(home.resolve("a/b/secret.txt"), "inside");
    FakeTree.write(outside.resolve("secret.txt"), "OUTSIDE");
    FakeTree.write(outside.resolve("x/secret.txt"), "OUTSIDE");
    Files.createSymbolicLink(home.resolve("a/out-dir"), outside);
    Files.createSymbolicLink(home.resolve("a/b/out-file"), outside.resolve("secret.txt"));
    Path realHome = home.toRealPath();
    for (long seed = 1; seed <= 300; seed++) {
      Random rnd = new Random(seed);
      SweepFs fs = new SweepFs(List.of(home), Clock.systemUTC(), 60_000, 100_000, true);
      Path p = home;
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        p = p.resolve(SEGMENTS.get(rnd.nextInt(SEGMENTS.size())));
      }
      String read = fs.readText(p, 1000).orElse("");
      fs.list(p).forEach(fs::readLink);
      assertThat(read).as("seed %d path %s", seed, p).doesNotContain("OUTSIDE");
      for (Path logged : fs.accessLog()) {
        Path parent = logged.getParent();
        Path real = Files.exists(parent) ? parent.toRealPath() : parent;
        assertThat(real.startsWith(realHome) || logged.equals(realHome))
            .as("seed %d accessed %s", seed, logged).isTrue();
      }
    }
  }

  @Test
  void insideFilesAreRead(@TempDir Path home) throws Exception {
    FakeTree.write(home.resolve("a/b/secret.txt"), "inside");
    SweepFs fs = new SweepFs(List.of(home), Clock.systemUTC(), 60_000, 100_000, true);
    assertThat(fs.readText(home.resolve("a/./b/../b/secret.txt"), 100)).contains("inside");
    assertThat(fs.list(home.resolve("a"))).containsExactly(home.resolve("a/b"));
    assertThat(fs.visited()).isEqualTo(1);
  }
}
