package dev.bulwark.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the user's {@code pip.conf} as {@code check} and the install guard read it (index
 * and extra indexes), and {@code pip config list} output. Seeds:
 * PipConfigFuzzTestInputs/pipConfig/. Property: never throws.
 */
class PipConfigFuzzTest {
  @FuzzTest
  void pipConfig(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    PipConfig c = PipConfig.parseText(text, "pip.conf");
    if (!c.origin().equals("pip.conf")) {
      throw new AssertionError("origin lost: " + c.origin());
    }
    PipConfig.indexFromList(text);
  }
}
