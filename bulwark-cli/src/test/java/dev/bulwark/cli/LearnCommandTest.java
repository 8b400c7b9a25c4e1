package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LearnCommandTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"ignore-scripts", "Workspace Trust", "runOn", "--extra-index-url",
      "--require-hashes", "integrity", "BeaverTail", "Contagious Interview", "dependency confusion"})
  void coversEachTopic(String topic) {
    CliHarness.Run r = CliHarness.run(tmp, "learn");
    assertThat(r.exit()).isZero();
    assertThat(r.out().toLowerCase()).contains(topic.toLowerCase());
  }

  @Test
  void theMarkdownIsExactlyTheDocsFile() throws Exception {
    CliHarness.Run r = CliHarness.run(tmp, "learn", "--markdown");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(CliHarness.ROOT.resolve("docs/field-guide.md")));
  }

  @Test
  void plainTextHasNoMarkdownMarkup() {
    String out = CliHarness.run(tmp, "learn").out();
    assertThat(out).doesNotContain("**").doesNotContain("```").doesNotContain("<https://")
        .doesNotContain("## ").contains("https://pip.pypa.io/en/stable/topics/secure-installs/");
  }
}
