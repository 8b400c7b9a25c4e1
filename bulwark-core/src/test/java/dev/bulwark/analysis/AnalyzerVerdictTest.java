package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-engine cases with the fixture rules: each folder under testdata/packages is a package;
 * {@code <case>.expect} lists the verdicts allowed.
 */
class AnalyzerVerdictTest {
  private static final StaticAnalyzer ANALYZER =
      new StaticAnalyzer(RuleCatalog.of(List.of()).withUserRules(TestData.path("rules")));

  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(TestData.path("packages"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdict(String name) throws Exception {
    ScanResult r = ANALYZER.analyze(load(name));
    String expected = Files.readString(TestData.path("packages/" + name + ".expect")).trim();
    assertThat(List.of(expected.split(" "))).as(r.reason() + " " + r.findings()).contains(r.verdict().name());
    assertThat(r.reason()).isNotBlank();
  }

  @Test
  void parallelScansGiveTheSameResultsAsSequentialOnes() throws Exception {
    List<String> names = cases().toList();
    List<ScanResult> sequential = new ArrayList<>();
    for (String n : names) {
      sequential.add(ANALYZER.analyze(load(n)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ScanResult>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (String n : names) {
          Artifact a = load(n);
          futures.add(pool.submit(() -> ANALYZER.analyze(a)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % names.size()));
      }
    } finally {
      pool.shutdown();
    }
  }

  static Artifact load(String name) throws Exception {
    Path root = TestData.path("packages/" + name);
    List<ArtifactFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        files.add(new ArtifactFile(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p), false));
      }
    }
    return new Artifact(name, Optional.of(Ecosystem.NPM), name, "1.0.0", files, List.of(), List.of(), List.of());
  }
}
