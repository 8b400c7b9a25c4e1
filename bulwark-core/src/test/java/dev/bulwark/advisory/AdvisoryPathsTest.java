package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvisoryPathsTest {
  @ParameterizedTest(name = "XDG_CACHE_HOME={0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "<unset>",
      textBlock = """
      /var/cache/me  | /var/cache/me/bulwark/advisories.db
      <unset>        | /home/u/.cache/bulwark/advisories.db
      ''             | /home/u/.cache/bulwark/advisories.db
      relative/cache | /home/u/.cache/bulwark/advisories.db
      """)
  void defaultLocation(String xdg, String expected) {
    Map<String, String> env = new HashMap<>();
    if (xdg != null) {
      env.put("XDG_CACHE_HOME", xdg);
    }
    assertThat(AdvisoryPaths.defaultDbPath(env, Path.of("/home/u"))).isEqualTo(Path.of(expected));
  }
}
