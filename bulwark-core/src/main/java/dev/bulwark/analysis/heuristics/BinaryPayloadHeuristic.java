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
 * {@code heuristic: binary-payload} for YAML rules: any native executable, expected or not. It
 * reports nothing on its own ({@code native-binary} and {@code unexpected-native-binary} do).
 */
final class BinaryPayloadHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("binary-payload", "Native executable (for rules)",
      Severity.LOW, Confidence.HIGH, Category.BINARY_PAYLOAD, false,
      "The file is a native executable.",
      "The file is a compiled program.", "Compiled programs can hide payloads.",
      "Check why the package ships it.");

  @Override
  public String name() {
    return "binary-payload";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public boolean standalone() {
    return false;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    return f.scope() == Scope.CODE && f.type().isNativeExecutable()
        ? List.of(new Hit(0, 0, f.type().name())) : List.of();
  }
}
