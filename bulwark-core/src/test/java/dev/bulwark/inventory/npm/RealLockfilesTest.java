package dev.bulwark.inventory.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.Extractors;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: lockfiles written by the real package managers (testdata/real/README.md says which
 * and how) are all read, each yielding the same packages (testdata/real/expected.txt: name,
 * version, and whether the format can tell a dev dependency).
 */
class RealLockfilesTest {
  private static Path real() throws Exception {
    return Path.of(RealLockfilesTest.class.getResource("/dev/bulwark/inventory/npm/testdata/real").toURI());
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource(delimiter = '|', textBlock = """
      npm1              | package-lock.json | true
      npm2              | package-lock.json | true
      npm3              | package-lock.json | true
      pnpm8             | pnpm-lock.yaml    | true
      pnpm9             | pnpm-lock.yaml    | true
      pnpm10            | pnpm-lock.yaml    | true
      yarn1             | yarn.lock         | true
      yarn1-sha1-sha512 | yarn.lock         | true
      yarn4             | yarn.lock         | true
      bun               | bun.lock          | true
      """)
  void everyRealLockfileYieldsTheSamePackages(String dir, String file, boolean dev) throws Exception {
    Path input = real().resolve(dir).resolve(file);
    LockfileExtractor ex = Extractors.all().stream()
        .filter(e -> e.handles(file)).findFirst().orElseThrow();
    Inventory inv = ex.extract(LockfileInput.read(input, dir + "/" + file,
        LockfileInput.DEFAULT_MAX_BYTES));
    List<String> expected = Files.readAllLines(real().resolve("expected.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    List<String> actual = inv.dependencies().stream()
        .map(d -> d.name() + " " + d.version() + (dev && d.dev() ? " dev" : "")).distinct().sorted().toList();
    assertThat(inv.problems()).extracting(Problem::code).isEmpty();
    assertThat(actual).containsExactlyElementsOf(expected);
    // yarn 4 records its own cache checksum ("10c0/…"), not the registry's SRI hash.
    assertThat(inv.dependencies()).allSatisfy(d -> assertThat(d.integrity())
        .startsWith(dir.equals("yarn4") ? "" : "sha512-"));
  }
}
