package dev.bulwark.eval.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsTest {
  @Test
  void repeatedOptionsFlagsAndDefaults() {
    Args a = new Args(new String[] {"--benign", "a", "--tar-baseline", "--benign", "b",
        "--threads", "3"}, List.of("tar-baseline"));
    assertThat(a.all("benign")).containsExactly("a", "b");
    assertThat(a.flag("tar-baseline")).isTrue();
    assertThat(a.flag("read-only")).isFalse();
    assertThat(a.integer("threads", 1)).isEqualTo(3);
    assertThat(a.integer("rounds", 5)).isEqualTo(5);
    assertThat(a.one("json")).isEmpty();
  }

  @Test
  void rejectsStrayWordsAndMissingValues() {
    assertThatThrownBy(() -> new Args(new String[] {"oops"}, List.of()))
        .hasMessageContaining("unexpected argument");
    assertThatThrownBy(() -> new Args(new String[] {"--json"}, List.of()))
        .hasMessageContaining("missing value");
  }

  @ParameterizedTest
  @CsvSource({
    "0, not measured",
    "0.25, scan is 4.0x slower than tar -xzf",
    "2, scan is 2.0x faster than tar -xzf",
  })
  void ratioInWords(double ratio, String words) {
    assertThat(BenchMain.words(ratio)).isEqualTo(words);
  }
}
