package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import java.util.List;

/** Virtual files cut out of a shipped file: npm scripts, setup.py install code, .pth code lines. */
final class VirtualFiles {
  private VirtualFiles() {}

  static List<ScanFile> of(ScanFile f) {
    return List.of();
  }
}
