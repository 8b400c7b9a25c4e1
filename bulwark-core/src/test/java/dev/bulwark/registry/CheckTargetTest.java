package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CheckTargetTest {
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "testdata/targets.csv", commentCharacter = '#')
  void parses(String text, String ecosystem, String name, String spec) {
    if (ecosystem == null || ecosystem.isEmpty()) {
      assertThatThrownBy(() -> CheckTarget.parse(text)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(text);
      return;
    }
    CheckTarget t = CheckTarget.parse(text);
    assertThat(t.ecosystem().osvName()).isEqualTo(ecosystem);
    assertThat(t.name()).isEqualTo(name);
    assertThat(t.spec()).isEqualTo(spec == null ? "" : spec);
  }
}
