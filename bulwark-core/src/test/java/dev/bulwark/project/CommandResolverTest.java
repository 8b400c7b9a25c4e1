package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandResolverTest {
  private static final Set<String> FILES = Set.of("server.js", "scripts/run.sh", "package.json");

  /** A command whose first word is no project path (a URL, or a path above the root) names no file. Found by GitConfigFuzzTest. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:8000/m | ''",
      "https://127.0.0.1/a.js | ''",
      "../outside.sh | ''",
      "node server.js | server.js",
      "./scripts/run.sh | scripts/run.sh"})
  void resolvesWithoutFailing(String command, String expected) {
    var entries = new CommandResolver(Map.of(), "", FILES).entries(command);
    assertThat(String.join(",", entries)).isEqualTo(expected);
  }
}
