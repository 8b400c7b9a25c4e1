package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSelectorTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "**/package.json, package.json, true",
    "**/package.json, a/b/package.json, true",
    "**/package.json, package.json#scripts.postinstall, false",
    "package.json#scripts.*, package.json#scripts.postinstall, true",
    "*.js, index.js, true",
    "*.js, lib/index.js, false",
    "**/*.js, lib/index.js, true",
    "**/test/**, test/x.sh, true",
    "**/test/**, a/test/b/x.sh, true",
    "**/test/**, tests/x.sh, false",
    "lib/?.py, lib/a.py, true",
    "lib/?.py, lib/ab.py, false",
    "**/*.min.js, dist/a.min.js, true",
    "a+b.js, a+b.js, true",
    "a+b.js, aab.js, false",
  })
  void globs(String glob, String path, boolean expected) {
    assertThat(FileSelector.of(List.of(glob), List.of()).selects(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "exclude {0} from {1} = {2}")
  @CsvSource({
    "**/test/**, test/a.js, false",
    "**/test/**, lib/a.js, true",
  })
  void excludes(String glob, String path, boolean selected) {
    assertThat(FileSelector.of(List.of(), List.of(glob)).selects(path)).isEqualTo(selected);
  }
}
