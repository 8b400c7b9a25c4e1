package dev.bulwark.inventory.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven golden tests: every folder testdata/&lt;format&gt;/&lt;case&gt;/ holds one input
 * file (with its real name, and a package.json beside it where the case needs one) and
 * expected.tsv. Lines of expected.tsv:
 *
 * <pre>
 * dep  name version direct dev optional source line path(" > ") unpinned resolved integrity
 * config  kind url line
 * problem code line
 * error   line message
 * </pre>
 *
 * Run with -Dbulwark.regen=true to rewrite expected.tsv files (then review the diff by hand).
 */
class NpmGoldenTest {
  private static final String RESOURCE = "/dev/bulwark/inventory/npm/testdata";

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = root();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("expected.tsv"))
          .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/'))
          .sorted().toList().stream();
    }
  }

  private static Path root() throws URISyntaxException {
    return Path.of(NpmGoldenTest.class.getResource(RESOURCE).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsAsExpected(String caseName) throws Exception {
    Path dir = root().resolve(caseName);
    Path input = inputFile(dir);
    LockfileExtractor ex = extractorFor(input.getFileName().toString()).orElseThrow();
    String display = caseName + "/" + input.getFileName();
    List<String> actual = new ArrayList<>();
    try {
      Inventory inv = ex.extract(LockfileInput.read(input, display, LockfileInput.DEFAULT_MAX_BYTES));
      assertThat(inv.format()).isEqualTo(ex.id());
      inv.dependencies().forEach(d -> actual.add(row(d)));
      inv.sources().forEach(s -> actual.add(row(s)));
      inv.problems().forEach(p -> actual.add(row(p)));
    } catch (ExtractionException e) {
      assertThat(e.file()).isEqualTo(display);
      actual.add("error\t" + e.line() + "\t" + e.getMessage());
    }
    Path expectedFile = dir.resolve("expected.tsv");
    if (Boolean.getBoolean("bulwark.regen")) {
      Path src = Path.of("src/test/resources" + RESOURCE).resolve(caseName).resolve("expected.tsv");
      Files.writeString(src, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
    }
    List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /** The case's input: the file an extractor handles, lockfiles before package.json. */
  static Path inputFile(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> extractorFor(p.getFileName().toString()).isPresent())
          .min(Comparator.comparing((Path p) -> extractorFor(p.getFileName().toString())
              .map(LockfileExtractor::isManifest).orElse(true)).thenComparing(Path::toString))
          .orElseThrow(() -> new IllegalStateException("no input file in " + dir));
    }
  }

  static Optional<LockfileExtractor> extractorFor(String fileName) {
    return NpmExtractors.all().stream().filter(e -> e.handles(fileName)).findFirst();
  }

  static String row(Dependency d) {
    return String.join("\t", "dep", d.name(), d.version(), String.valueOf(d.direct()),
        String.valueOf(d.dev()), String.valueOf(d.optional()), d.source().jsonName(),
        String.valueOf(d.location().line()), String.join(" > ", d.path()),
        String.valueOf(d.unpinned()), d.resolved(), d.integrity());
  }

  static String row(PackageSourceConfig s) {
    return String.join("\t", "config", s.kind(), s.url(), String.valueOf(s.location().line()));
  }

  static String row(Problem p) {
    return String.join("\t", "problem", p.code(), String.valueOf(p.location().line()));
  }
}
