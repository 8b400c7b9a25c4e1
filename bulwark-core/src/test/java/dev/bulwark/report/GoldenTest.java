package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format for every fixture, compared with a golden file. Regenerate with
 * {@code -Dbulwark.updateGolden=true}; a golden file without a case fails the build.
 */
class GoldenTest {
  static final Path DIR = Path.of("src/test/resources/dev/bulwark/report/testdata/golden");

  static String extension(ReportFormat f) {
    return switch (f) {
      case JSON -> "json";
      case SARIF -> "sarif";
      case HTML -> "html";
      case MARKDOWN -> "md";
      case CYCLONEDX -> "cdx.json";
    };
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String fixture : new TreeSet<>(ReportFixtures.all().keySet())) {
      ReportData d = ReportFixtures.all().get(fixture).get();
      for (ReportFormat f : ReportFormat.values()) {
        if (f.supports(d)) {
          out.add(Arguments.of(fixture, f));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void matchesTheGoldenFile(String fixture, ReportFormat format) throws Exception {
    String actual = normalise(Schemas.render(format,
        ReportFixtures.all().get(fixture).get()));
    Path golden = DIR.resolve(fixture + "." + extension(format));
    if (Boolean.getBoolean("bulwark.updateGolden")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (run with -Dbulwark.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void noStaleGoldenFiles() throws Exception {
    Set<String> expected = new TreeSet<>();
    cases().forEach(a -> expected.add(a.get()[0] + "." + extension((ReportFormat) a.get()[1])));
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(expected);
    }
  }

  /** Stable across machines: line endings only (versions and dates come from the fixtures). */
  static String normalise(String s) {
    return s.replace("\r\n", "\n");
  }
}
