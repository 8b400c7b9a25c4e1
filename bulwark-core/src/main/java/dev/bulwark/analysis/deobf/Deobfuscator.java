package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.content.ScanFile;
import java.util.List;

/** Reveals payloads hidden by common obfuscation, as virtual files {@code <path>!decoded/<n>}. */
public final class Deobfuscator {
  private Deobfuscator() {}

  public static List<ScanFile> reveal(ScanFile f, int maxBytes, int maxCount) {
    return List.of();
  }
}
