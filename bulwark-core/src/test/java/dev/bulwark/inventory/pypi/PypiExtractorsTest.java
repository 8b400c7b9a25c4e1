package dev.bulwark.inventory.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven extraction tests: every {@code testdata/<format>/<case>} (a file, or a folder
 * holding the real file name and its neighbours) is extracted by the extractor "pypi/<format>"
 * and the result, rendered as TSV, must equal {@code <case>.expected.tsv} beside it.
 * Run with {@code -Dbulwark.regen=true} to rewrite the expected files (then review the diff).
 */
class PypiExtractorsTest {
  private static final String EXPECTED = ".expected.tsv";

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path root = Path.of(PypiExtractorsTest.class.getResource("testdata").toURI());
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> formats = Files.list(root)) {
      for (Path format : formats.sorted().toList()) {
        try (Stream<Path> files = Files.list(format)) {
          for (Path c : files.sorted().toList()) {
            String n = c.getFileName().toString();
            if (!n.endsWith(EXPECTED)) {
              out.add(Arguments.of(format.getFileName() + "/" + n, c));
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsAsExpected(String name, Path casePath) throws IOException {
    String format = casePath.getParent().getFileName().toString();
    LockfileExtractor ex = extractor("pypi/" + format);
    Path input = Files.isDirectory(casePath) ? inputIn(casePath, ex) : casePath;
    String display = input.getFileName().toString();
    String stem = casePath.getFileName().toString();
    if (!Files.isDirectory(casePath) && stem.indexOf('.') > 0) {
      stem = stem.substring(0, stem.indexOf('.'));
    }
    Path expectedFile = casePath.resolveSibling(stem + EXPECTED);
    String actual;
    try {
      actual = render(ex.extract(LockfileInput.read(input, display, LockfileInput.DEFAULT_MAX_BYTES)));
    } catch (ExtractionException e) {
      actual = "@error\t" + e.location() + "\t" + e.getMessage() + "\n";
    }
    if (Boolean.getBoolean("bulwark.regen")) {
      Path src = Path.of("src/test/resources/dev/bulwark/inventory/pypi/testdata", format,
          expectedFile.getFileName().toString());
      Files.writeString(src, actual, StandardCharsets.UTF_8);
    }
    assertThat(expectedFile).as("expected file for " + name).exists();
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
  }

  private static Path inputIn(Path dir, LockfileExtractor ex) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> ex.handles(f.getFileName().toString())).sorted().findFirst()
          .orElseThrow(() -> new AssertionError("no input file for " + ex.id() + " in " + dir));
    }
  }

  static LockfileExtractor extractor(String id) {
    return PypiExtractors.all().stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no extractor " + id));
  }

  /** One line per dependency, source and problem; file-relative lines for the inventory's file. */
  static String render(Inventory inv) {
    StringBuilder b = new StringBuilder(
        "# name\tversion\tunpinned\tdirect\tdev\tsource\tline\toptional\tintegrity\tresolved\tpath\n");
    for (Dependency d : inv.dependencies()) {
      b.append(String.join("\t", d.name(), dash(d.version()), String.valueOf(d.unpinned()),
          String.valueOf(d.direct()), String.valueOf(d.dev()), d.source().jsonName(),
          where(inv, d.location()), String.valueOf(d.optional()), dash(d.integrity()),
          dash(d.resolved()), dash(String.join(" > ", d.path())))).append('\n');
    }
    for (PackageSourceConfig s : inv.sources()) {
      b.append(String.join("\t", "@source", s.kind(), s.url(), where(inv, s.location()))).append('\n');
    }
    for (Problem p : inv.problems()) {
      b.append(String.join("\t", "@problem", p.code(), where(inv, p.location()), p.message())).append('\n');
    }
    return b.toString();
  }

  private static String where(Inventory inv, SourceLocation l) {
    return l.file().equals(inv.file()) ? String.valueOf(l.line()) : l.toString();
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s;
  }
}
