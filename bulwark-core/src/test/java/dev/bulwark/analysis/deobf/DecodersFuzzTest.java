package dev.bulwark.analysis.deobf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz target: the deobfuscation decoders (base64, obfuscator.io base64, hex, inflate/gzip, JS and
 * Python escapes, rot13, reversal). Seeds: DecodersFuzzTestInputs/decoders/. Properties: never
 * throws, inflating never produces more than its cap, rot13 and reversal undo themselves.
 */
class DecodersFuzzTest {
  private static final int MAX = 64 * 1024;

  @FuzzTest
  void decoders(byte[] data) {
    String s = new String(data, StandardCharsets.ISO_8859_1);
    String u = new String(data, StandardCharsets.UTF_8);
    Decoders.base64(s).ifPresent(DecodersFuzzTest::inflated);
    Decoders.obfuscatorBase64(s);
    Decoders.hex(s).ifPresent(DecodersFuzzTest::inflated);
    inflated(data);
    Decoders.text(data, 4);
    Decoders.printable(u);
    Decoders.unescape(u);
    Decoders.pythonBytes(u);
    if (!Decoders.rot13(Decoders.rot13(u)).equals(u)) {
      throw new AssertionError("rot13 twice changed the text");
    }
    if (!Arrays.equals(Decoders.reverse(Decoders.reverse(data)), data)) {
      throw new AssertionError("reversing twice changed the bytes");
    }
  }

  private static void inflated(byte[] b) {
    Decoders.inflate(b, MAX).ifPresent(out -> {
      if (out.length > MAX) {
        throw new AssertionError("inflated " + out.length + " bytes, over the cap of " + MAX);
      }
    });
    Decoders.textOrInflated(b, 4, MAX).ifPresent(t -> {
      if (t.length() > MAX) {
        throw new AssertionError("text of " + t.length() + " chars, over the cap of " + MAX);
      }
    });
  }
}
