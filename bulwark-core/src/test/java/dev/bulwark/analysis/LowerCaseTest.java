package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowerCaseTest {
  /** Every UTF-16 unit, so the ASCII fast path cannot drift from Character.toLowerCase. */
  @Test
  void lowerCasesEveryCharLikeCharacterToLowerCase() {
    StringBuilder in = new StringBuilder();
    StringBuilder want = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      in.append((char) c);
      want.append(Character.toLowerCase((char) c));
    }
    assertThat(LowerCase.of(in.toString())).isEqualTo(want.toString());
  }
}
