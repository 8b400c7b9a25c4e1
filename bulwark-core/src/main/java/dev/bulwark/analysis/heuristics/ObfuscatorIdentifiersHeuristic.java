package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Dense {@code _0x1a2b} identifiers, the signature of javascript-obfuscator output. Parameters:
 * {@code min-count} (default 20) and {@code per-kb} (default 1.0).
 */
final class ObfuscatorIdentifiersHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("obfuscator-identifiers", "Code processed by a JavaScript obfuscator",
      Severity.MEDIUM, Confidence.MEDIUM, Category.OBFUSCATION, true,
      "The code is full of _0x… identifiers typical of an obfuscator.",
      "The file was run through an obfuscator that renames everything to hex names and hides strings in a table.",
      "Legitimate libraries ship readable or merely minified code; attackers obfuscate to hide what the code does.",
      "Treat the package as suspicious; compare this file with the project's source repository.",
      "T1027");

  @Override
  public String name() {
    return "obfuscator-identifiers";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (f.language() != Language.JAVASCRIPT && f.language() != Language.TYPESCRIPT) {
      return List.of();
    }
    int minCount = Heuristic.intParam(params, "min-count", 20);
    double perKb = Heuristic.doubleParam(params, "per-kb", 1.0);
    String t = f.text();
    int count = 0;
    int first = -1;
    for (int i = t.indexOf("_0x"); i >= 0; i = t.indexOf("_0x", i + 3)) {
      int j = i + 3;
      while (j < t.length() && j - i - 3 < 8 && isHex(t.charAt(j))) {
        j++;
      }
      boolean boundary = i == 0 || !Character.isJavaIdentifierPart(t.charAt(i - 1));
      if (j - i - 3 >= 3 && boundary) {
        count++;
        if (first < 0) {
          first = i;
        }
      }
    }
    double density = count / Math.max(1.0, t.length() / 1024.0);
    if (count >= minCount && density >= perKb) {
      return List.of(new Hit(first, first + 3, count + " _0x identifiers"));
    }
    return List.of();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
