package dev.bulwark.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzz target: the user's {@code .npmrc} as {@code check} and the install guard read it (keys,
 * values, {@code ${VAR}} expansion), and the registry URLs taken from it. Seeds:
 * NpmrcConfigFuzzTestInputs/npmrcConfig/. Property: never throws.
 */
class NpmrcConfigFuzzTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/home/u", "NPM_TOKEN", "${NPM_TOKEN}");

  @FuzzTest
  void npmrcConfig(byte[] data) {
    Map<String, String> m = Npmrc.parse(new String(data, StandardCharsets.UTF_8), ENV);
    m.forEach((k, v) -> {
      for (String url : RegistryConfig.split(v)) {
        if (RegistryConfig.isHttpUrl(url)) {
          RegistryConfig.trim(url);
        }
      }
    });
  }
}
