package dev.bulwark.analysis.deobf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz target: the obfuscator.io string-array resolver (tables, rotations, accessors, RC4/base64
 * ciphers, wrappers). Seeds: StringArrayResolverFuzzTestInputs/stringArrayResolver/. Properties:
 * never throws, ends (its work is bounded), payloads stay within the byte cap.
 */
class StringArrayResolverFuzzTest {
  private static final int MAX_BYTES = 1 << 20;

  @FuzzTest
  void stringArrayResolver(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    StringArrayResolver.resolve(text);
    List<Reveal> found = new StringArrayResolver().find(text, Literals.scan(text, false), MAX_BYTES);
    for (Reveal r : found) {
      if (r.payload().length() > Math.max(MAX_BYTES, 2 * text.length() + 1024)) {
        throw new AssertionError("payload of " + r.payload().length() + " chars from " + text.length());
      }
    }
  }
}
