package dev.bulwark.analysis.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each file in model-testdata/features lists findings (the VerdictModelTest format)
 * and "# feature: NAME" lines that must be extracted, "# absent: NAME" lines that must not.
 */
class ModelFeaturesTest {
  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void featuresAsExpected(String name) throws Exception {
    List<String> lines = Files.readAllLines(dir().resolve(name));
    List<Finding> findings = VerdictModelTest.parse(lines);
    Map<String, List<Integer>> features = ModelFeatures.extract(findings);
    for (String l : lines) {
      if (l.startsWith("# feature:")) {
        assertThat(features).as(features.keySet().toString()).containsKey(l.substring(10).trim());
      } else if (l.startsWith("# absent:")) {
        assertThat(features).doesNotContainKey(l.substring(9).trim());
      }
    }
    if (findings.isEmpty()) {
      assertThat(features).isEmpty();
    }
    for (Map.Entry<String, List<Integer>> e : features.entrySet()) {
      assertThat(ModelFeatures.PREFIXES).as(e.getKey()).anyMatch(e.getKey()::startsWith);
      assertThat(e.getValue()).isNotEmpty().allMatch(i -> i >= 0 && i < findings.size());
    }
    assertThat(ModelFeatures.extract(findings)).as("deterministic").isEqualTo(features);
  }

  private static Path dir() throws Exception {
    return Path.of(ModelFeaturesTest.class.getResource("model-testdata/features").toURI());
  }
}
