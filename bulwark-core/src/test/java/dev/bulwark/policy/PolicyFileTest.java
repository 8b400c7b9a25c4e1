package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.ExtractionException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyFileTest {
  private static final Path DATA = Path.of("src/test/resources/dev/bulwark/policy/testdata");

  @Test
  void reads_every_setting() throws Exception {
    PolicyFile.Settings s = PolicyFile.read(DATA.resolve("valid.yml"), "valid.yml");
    assertThat(s.failOn()).contains(FailOn.MEDIUM);
    assertThat(s.dev()).isEqualTo(Optional.of(false));
    assertThat(s.ignores()).hasSize(3);
    IgnoreRule first = s.ignores().get(0);
    assertThat(first.advisoryId()).isEqualTo("NSWG-ECO-368");
    assertThat(first.expires()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(first.location().line()).isEqualTo(4);
    IgnoreRule npm = s.ignores().get(1);
    assertThat(npm.ecosystem()).isEqualTo("npm");
    assertThat(npm.packageName()).isEqualTo("lodash");
    assertThat(npm.version()).isEqualTo("4.17.4");
    IgnoreRule py = s.ignores().get(2);
    assertThat(py.ecosystem()).isEqualTo("pypi");
    assertThat(py.packageName()).isEqualTo("Django");
    assertThat(py.version()).isEqualTo("3.2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "missing-reason.yml  | 2 | needs a reason",
    "missing-expiry.yml  | 2 | needs an expiry date",
    "bad-date.yml        | 2 | expires must be a date",
    "bad-failon.yml      | 1 | failOn must be",
    "unknown-key.yml     | 5 | unknown key 'extra'",
    "not-yaml.yml        | 2 | invalid YAML",
    "billion-laughs.yml  | 0 | ",
    "bad-ecosystem.yml   | 2 | npm: or pypi:",
  })
  void rejects_bad_files_with_line(String file, int line, String message) {
    assertThatThrownBy(() -> PolicyFile.read(DATA.resolve(file), file))
        .isInstanceOf(ExtractionException.class)
        .satisfies(e -> {
          ExtractionException x = (ExtractionException) e;
          assertThat(x.file()).isEqualTo(file);
          if (line > 0) {
            assertThat(x.line()).isEqualTo(line);
          }
          if (message != null) {
            assertThat(x.getMessage()).contains(message);
          }
        });
  }

  @Test
  void empty_file_is_empty_settings() throws Exception {
    assertThat(PolicyFile.parse("", "x").ignores()).isEmpty();
    assertThat(PolicyFile.parse("# only a comment\n", "x").failOn()).isEmpty();
  }
}
