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
 * An executable (ELF, PE, Mach-O) in a package that does not look like it ships prebuilt tools,
 * or an executable disguised by its name (.js, .png, .txt …). A threat. Relocatable object files
 * ({@code .o} left from a build) cannot run and do not count.
 */
final class UnexpectedBinaryHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("unexpected-native-binary",
      "Ships a native executable where none is expected",
      Severity.HIGH, Confidence.MEDIUM, Category.BINARY_PAYLOAD, true,
      "A native executable is bundled where the package has no reason to ship one.",
      "The package contains a compiled program, but nothing about the package says it ships tools,"
          + " or the program hides behind a name such as .js or .png.",
      "Droppers bundle a ready-made implant and start it from an install script.",
      "Do not install; treat any machine that installed it as compromised and check for the binary.",
      "T1027.009", "T1204.002");

  @Override
  public String name() {
    return "unexpected-native-binary";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    // an object file left from a build is linked, never run
    if (f.scope() != Scope.CODE || !f.type().isNativeExecutable() || NativeBinaryHeuristic.relocatableObject(f.text())) {
      return List.of();
    }
    return NativeBinaryHeuristic.expected(f.path(), pkg) ? List.of() : List.of(new Hit(0, 0, f.type().name()));
  }
}
