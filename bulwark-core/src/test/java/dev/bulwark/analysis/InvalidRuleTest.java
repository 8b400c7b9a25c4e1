package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.ExtractionException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid rule files are reported with file, line and a clear message; nothing is loaded. */
class InvalidRuleTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unknown-field, unknown field 'colour', 12",
    "missing-nomatch, examples.nomatch is missing, 11",
    "id-mismatch, differs from the file name, 1",
    "bad-regex, invalid RE2 pattern, 10",
    "bad-yaml, invalid YAML, 0",
    "bad-severity, severity must be, 3",
  })
  void reportsErrorWithFileAndLine(String name, String message, int line) {
    RuleCatalog c = RuleCatalog.of(List.of()).withUserRules(TestData.path("invalid-rules/" + name));
    assertThat(c.rules()).isEmpty();
    assertThat(c.errors()).hasSize(1);
    ExtractionException e = c.errors().get(0);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.file()).endsWith(name + ".yml");
    if (line > 0) {
      assertThat(e.line()).isEqualTo(line);
    } else {
      assertThat(e.line()).isPositive();
    }
  }
}
