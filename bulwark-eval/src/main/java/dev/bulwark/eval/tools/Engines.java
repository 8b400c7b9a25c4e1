package dev.bulwark.eval.tools;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.eval.ArtifactSource;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the real reader and analyzer for the tools. */
final class Engines {
  private Engines() {}

  static ArtifactSource reader(Optional<String> password) {
    ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());
    return path -> reader.read(path, password.map(String::toCharArray));
  }

  /** The built-in analyzer, plus the rules of the given folders. */
  static PackageAnalyzer analyzer(List<String> ruleDirs) {
    RuleCatalog catalog = RuleCatalog.builtin();
    for (String d : ruleDirs) {
      catalog = catalog.withUserRules(Path.of(d));
    }
    if (!catalog.errors().isEmpty()) {
      System.err.println(catalog.errors().size() + " rule files not loaded, first: "
          + catalog.errors().get(0).describe());
    }
    System.err.println(catalog.rules().size() + " rules loaded");
    return new StaticAnalyzer(catalog);
  }

  /** An analyzer that looks at nothing: measures reading alone. */
  static PackageAnalyzer none() {
    return a -> new ScanResult(a.displayName(), "package", a.ecosystem(), a.name(), a.version(),
        Verdict.CLEAN, 0, "not analysed", List.of(), List.of(), List.of(), a.files().size(),
        a.totalBytes());
  }
}
