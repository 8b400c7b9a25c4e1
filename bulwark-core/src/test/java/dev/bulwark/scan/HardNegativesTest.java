package dev.bulwark.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Benign trees that carry what real ones carry, scanned as packages with the built-in rules: an
 * sdist (Makefile release target with curl | sh, a workflow running a script, test helpers that
 * open sockets and send host details to loopback, a setup.py compiling a C extension and running
 * git describe) and a boilerplate with its build tooling in dot-folders and a vendored, minified
 * package-manager release. The trees are the project fixtures of the same names, so each is
 * judged both as a package (here) and as a project (ProjectFixturesTest).
 */
class HardNegativesTest {
  private static final StaticAnalyzer ANALYZER = new StaticAnalyzer(Catalogs.load(List.of()));

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "b-python-source-tree, quickparse-1.0.0/, PYPI, CLEAN",
      "b-erb-boilerplate, package/, NPM, CLEAN",
  })
  void benignTreeIsClean(String fixture, String prefix, Ecosystem eco, Verdict expected) throws Exception {
    ScanResult r = ANALYZER.analyze(load(fixture, prefix, eco));
    assertThat(r.verdict()).as(r.reason() + "\n" + r.findings()).isEqualTo(expected);
  }

  static Artifact load(String fixture, String prefix, Ecosystem eco) throws Exception {
    Path root = Path.of(HardNegativesTest.class.getResource("/dev/bulwark/project/testdata/" + fixture).toURI());
    List<ArtifactFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!rel.equals("expected.txt")) {
          files.add(new ArtifactFile(prefix + rel, Files.readAllBytes(p), false));
        }
      }
    }
    return new Artifact(fixture + ".tar.gz", Optional.of(eco), fixture, "1.0.0", files, List.of(),
        List.of(), List.of());
  }
}
