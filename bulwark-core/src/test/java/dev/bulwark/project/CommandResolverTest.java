package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandResolverTest {
  private static final Set<String> FILES = Set.of("server.js", "scripts/run.sh", "package.json",
      "README.txt", "requirements.txt", "public/fonts/fa.woff2", "pre.png", "env.txt",
      "data/blob.dat", "tools/lint.py");

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

  /**
   * Which named files are executed as code, and which are only given to a tool as data. A file
   * named like an asset counts as disguised code only in the first column's sense (found on Python
   * source trees: make targets that give README.txt to pandoc or requirements.txt to pip).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "node public/fonts/fa.woff2 | public/fonts/fa.woff2 | public/fonts/fa.woff2",
      "pandoc --from=rst README.txt | README.txt | ''",
      "pip install -r requirements.txt | requirements.txt | ''",
      "mdl README.txt; cat README.txt > out.html | README.txt | ''",
      "sh -c 'node public/fonts/fa.woff2' | public/fonts/fa.woff2 | public/fonts/fa.woff2",
      "node -r ./pre.png server.js README.txt | pre.png,server.js,README.txt | pre.png,server.js",
      "pm2 start public/fonts/fa.woff2 | public/fonts/fa.woff2 | public/fonts/fa.woff2",
      ". ./env.txt; bash data/blob.dat | env.txt,data/blob.dat | env.txt,data/blob.dat",
      "python -m tools.lint README.txt | README.txt,tools/lint.py | tools/lint.py",
      "./public/fonts/fa.woff2 --quiet | public/fonts/fa.woff2 | public/fonts/fa.woff2",
      "mocha --exit public/fonts/fa.woff2 | public/fonts/fa.woff2 | public/fonts/fa.woff2"})
  void separatesCodeFromData(String command, String entries, String asCode) {
    var r = new CommandResolver(Map.of(), "", FILES).resolveAll(command);
    assertThat(String.join(",", r.entries())).isEqualTo(entries);
    assertThat(String.join(",", r.asCode())).isEqualTo(asCode);
  }
}
