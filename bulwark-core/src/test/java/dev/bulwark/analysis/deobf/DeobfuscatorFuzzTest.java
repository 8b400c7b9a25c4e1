package dev.bulwark.analysis.deobf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: every deobfuscation technique together, peeling up to three layers as the engine
 * does, on the input read as JavaScript and as Python. Seeds: DeobfuscatorFuzzTestInputs/deobfuscator/.
 * Properties: never throws, ends, and respects its caps on payload count and size.
 */
class DeobfuscatorFuzzTest {
  private static final int MAX_BYTES = 256 * 1024;
  private static final int MAX_COUNT = 8;

  @FuzzTest
  void deobfuscator(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    peel(ScanFile.code("fuzz.js", ContentType.JAVASCRIPT, text, false));
    peel(ScanFile.code("fuzz.py", ContentType.PYTHON, text, false));
  }

  private static void peel(ScanFile top) {
    List<ScanFile> queue = new ArrayList<>(List.of(top));
    for (int i = 0; i < queue.size(); i++) {
      ScanFile f = queue.get(i);
      if (f.depth() >= 3) {
        continue;
      }
      List<ScanFile> r = Deobfuscator.reveal(f, MAX_BYTES, MAX_COUNT);
      if (r.size() > MAX_COUNT) {
        throw new AssertionError(r.size() + " payloads, over the cap of " + MAX_COUNT);
      }
      for (ScanFile v : r) {
        if (v.text().length() > MAX_BYTES + 1) {
          throw new AssertionError("a payload of " + v.text().length() + " chars, over the cap of " + MAX_BYTES);
        }
      }
      queue.addAll(r);
    }
  }
}
