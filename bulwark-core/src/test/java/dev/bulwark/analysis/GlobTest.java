package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.rules.FileSelector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "**/*.md, README.md, true",
    "**/*.md, docs/a/README.md, true",
    "**/*.md, docs/README.mdx, false",
    "**/test/**, test/a.js, true",
    "**/test/**, lib/test/a/b.js, true",
    "**/test/**, lib/tests/a.js, false",
    "*/package.json, a/package.json, true",
    "*/package.json, a/b/package.json, false",
    "**/.env.*, x/.env.local, true",
    "setup.p?, setup.py, true",
    "setup.p?, setup.p/, false",
    "**, any/thing, true",
    "**/package.json#scripts.install, package/package.json#scripts.install, true",
  })
  void matches(String glob, String path, boolean expected) {
    assertThat(new Glob(glob).matches(path)).isEqualTo(expected);
  }

  /** Seeded property: the same answer as the RE2 translation in FileSelector. */
  @Test
  void agreesWithFileSelector() {
    List<String> globs = List.of("**/*.md", "**/test/**", "**/*.test.*", "**/test_*.py", "*/PKG-INFO",
        "**/.github/**", "**/a?b/*", "a/**/b", "**", "*", "**/*", "a**b", "**/x/**/y.js", "?",
        "ab", "a/b", "**/ab*", "x*y*s", "**/a?b?", "*.ts/a*", "ab/**/sy.js", "**/tm*/**", "a*/", "");
    Random r = new Random(7);
    String alphabet = "ab/.xytmdjs_*";
    for (String g : globs) {
      Glob glob = new Glob(g);
      FileSelector sel = FileSelector.of(List.of(g), List.of());
      for (int i = 0; i < 4000; i++) {
        StringBuilder p = new StringBuilder();
        int n = r.nextInt(14);
        for (int j = 0; j < n; j++) {
          p.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String path = p.toString();
        assertThat(glob.matches(path)).as(g + " on " + path).isEqualTo(sel.selects(path));
      }
    }
  }
}
