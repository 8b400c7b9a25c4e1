package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.analysis.rules.Scope;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * An executable (ELF, PE, Mach-O) shipped where a prebuilt tool is expected: a package with a
 * prebuilt-binary shape, under bin/, prebuilds/, build/Release, or a shared library / extension
 * module (.so, .pyd, .node, .dylib, .dll). A capability:
 * such packages are common, but the binary cannot be reviewed like source.
 */
final class NativeBinaryHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("native-binary", "Ships a prebuilt native executable",
      Severity.LOW, Confidence.HIGH, Category.BINARY_PAYLOAD, false,
      "The package ships a prebuilt native executable.",
      "The package contains a compiled program (ELF, PE or Mach-O) rather than source code.",
      "Compiled programs cannot be reviewed like source; attackers hide payloads in them.",
      "Check that the package is expected to ship this binary and that it comes from the real project.",
      "T1204.002");

  @Override
  public String name() {
    return "native-binary";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (f.scope() != Scope.CODE || !f.type().isNativeExecutable()) {
      return List.of();
    }
    return expected(f.path(), pkg) ? List.of(new Hit(0, 0, f.type().name())) : List.of();
  }

  /** Whether a binary at this path is where prebuilt tools usually live. */
  static boolean expected(String path, PackageView pkg) {
    String ext = Paths.extension(path);
    boolean disguised = ext.equals("js") || ext.equals("py") || ext.equals("json") || ext.equals("txt")
        || ext.equals("png") || ext.equals("jpg") || ext.equals("woff2") || ext.equals("ttf") || ext.equals("md");
    return !disguised && (pkg.prebuiltBinaryShape() || Paths.isBinaryHome(path) || isLibrary(path));
  }

  /**
   * A relocatable object file (ELF {@code ET_REL}, Mach-O {@code MH_OBJECT}): build output that a
   * linker reads, which cannot be started as a program. {@code latin1} is the file read one char
   * per byte. Written by hand: two header fields, no parser library needed.
   */
  static boolean relocatableObject(String latin1) {
    if (latin1.length() < 18) { // both headers need 18 bytes (ELF e_type at 16-17)
      return false;
    }
    if (latin1.startsWith("\u007fELF")) {
      boolean little = byteAt(latin1, 5) == 1;
      int type = little ? byteAt(latin1, 16) | byteAt(latin1, 17) << 8 : byteAt(latin1, 17) | byteAt(latin1, 16) << 8;
      return type == 1;
    }
    int magic = byteAt(latin1, 0) << 24 | byteAt(latin1, 1) << 16 | byteAt(latin1, 2) << 8 | byteAt(latin1, 3);
    boolean little = magic == 0xcefaedfe || magic == 0xcffaedfe;
    boolean big = magic == 0xfeedface || magic == 0xfeedfacf;
    if (!little && !big) {
      return false;
    }
    int type = little
        ? byteAt(latin1, 12) | byteAt(latin1, 13) << 8 | byteAt(latin1, 14) << 16 | byteAt(latin1, 15) << 24
        : byteAt(latin1, 15) | byteAt(latin1, 14) << 8 | byteAt(latin1, 13) << 16 | byteAt(latin1, 12) << 24;
    return type == 1;
  }

  private static int byteAt(String latin1, int i) {
    return latin1.charAt(i) & 0xff;
  }

  /** Shared libraries and extension modules (Python .so/.pyd, Node .node, .dylib, .dll). */
  static boolean isLibrary(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".so") || name.contains(".so.") || name.endsWith(".pyd") || name.endsWith(".node")
        || name.endsWith(".dylib") || name.endsWith(".dll") || isFrameworkBinary(path);
  }

  /**
   * The binary of an Apple framework bundle, named after its folder: {@code Kit.framework/Kit}
   * or {@code Kit.framework/Versions/A/Kit} (a library that an app links, as iOS and macOS
   * SDKs in React Native and Cordova plugins ship it). Another executable in the bundle is not.
   */
  static boolean isFrameworkBinary(String path) {
    String[] parts = path.split("/");
    int n = parts.length;
    if (n < 2 || parts[n - 1].isEmpty()) {
      return false;
    }
    String bundle = parts[n - 1] + ".framework";
    if (parts[n - 2].equals(bundle)) {
      return true;
    }
    return n >= 4 && parts[n - 3].equals("Versions") && parts[n - 4].equals(bundle);
  }
}
