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
 * judged both as a package (here) and as a project (ProjectFixturesTest). The {@code n-*} trees
 * stand for the false-positive classes of the long-tail train set: an OAuth client sending its
 * own credential to its token endpoint, a bundle whose modules reuse local names, Greek letters
 * as maths names, a bundler's font stub, and WebAssembly loader glue; and install scripts that
 * benign packages run (a prebuilt-binary installer checking a pinned checksum, anonymous install
 * statistics, a thank-you banner, a native build fallback, a browser download into the cache).
 */
class HardNegativesTest {
  private static final StaticAnalyzer ANALYZER = new StaticAnalyzer(Catalogs.load(List.of()));

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "b-python-source-tree, quickparse-1.0.0/, PYPI, CLEAN",
      "b-erb-boilerplate, package/, NPM, CLEAN",
      "n-oauth-client, package/, NPM, CLEAN",
      "n-bundle-shared-names, package/, NPM, CLEAN",
      "n-math-greek-names, package/, NPM, CLEAN",
      "n-bundler-font-stub, package/, NPM, CLEAN",
      "n-emscripten-glue, package/, NPM, CLEAN",
      // install scripts benign packages run (own fixtures: the train sets hold five install hooks)
      "n-prebuilt-binary-installer, package/, NPM, CLEAN",
      "n-install-telemetry, package/, NPM, CLEAN",
      "n-postinstall-banner, package/, NPM, CLEAN",
      "n-node-gyp-fallback, package/, NPM, CLEAN",
      "n-browser-download, package/, NPM, CLEAN",
      // a build step fetching a library's sources, checked against a pinned digest: reviewed, not condemned
      "n-sdist-pinned-build-download, fastxml-2.3.0/, PYPI, SUSPICIOUS",
  })
  void benignTreeIsClean(String fixture, String prefix, Ecosystem eco, Verdict expected) throws Exception {
    ScanResult r = ANALYZER.analyze(load(fixture, prefix, eco));
    assertThat(r.verdict()).as(r.reason() + "\n" + r.findings()).isEqualTo(expected);
  }

  static Artifact load(String fixture, String prefix, Ecosystem eco) throws Exception {
    // b-*: project fixtures, also judged as projects (ProjectFixturesTest); n-*: package-shaped
    // hard negatives, one per false-positive class of the long-tail train set (docs/eval.md).
    String dir = fixture.startsWith("n-") ? "/dev/bulwark/scan/testdata/hard-negatives/" : "/dev/bulwark/project/testdata/";
    Path root = Path.of(HardNegativesTest.class.getResource(dir + fixture).toURI());
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
