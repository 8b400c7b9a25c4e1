package dev.bulwark.monitor.watch;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target: an uploaded CycloneDX SBOM (the watch's own reader; lockfiles go through the
 * core's readers, which have their own targets). Seeds: UploadParserFuzzTestInputs/upload/.
 * Property: the upload parses, or fails with a 4xx {@link UploadException} naming the file;
 * nothing else is thrown.
 */
class UploadParserFuzzTest {
  private static final Path TMP;

  static {
    try {
      TMP = Files.createTempDirectory("bulwark-watch-fuzz-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest
  void upload(byte[] data) {
    try {
      new UploadParser(TMP).parse("bom.cdx.json", data);
    } catch (UploadException e) {
      if (e.status() < 400 || e.status() >= 500 || !e.getMessage().startsWith("bom.cdx.json")) {
        throw new AssertionError("not a named 4xx: " + e.status() + " " + e.getMessage(), e);
      }
    }
  }
}
