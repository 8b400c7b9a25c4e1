package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
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
 * Code disguised as a font or an image: a {@code .woff2}, {@code .ttf}, {@code .png}, {@code .jpg}
 * … whose bytes are text, or a real font/image with script code appended to it.
 */
final class DisguisedCodeHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("code-disguised-as-media", "Code hidden in a font or image file",
      Severity.HIGH, Confidence.HIGH, Category.EVASION, true,
      "A font or image file contains script code.",
      "A file named like a font or an image holds program code instead of (or after) the picture or font data.",
      "Loaders read such a file and run it, so that reviewers and scanners skip the payload as media.",
      "Do not install; read the file as text to see the payload, and report the package.",
      "T1027.003", "T1036.008");

  private static final String[] MARKERS = {
    "eval(", "require(", "child_process", "new Function(", "Function(\"", "fromCharCode", "exec(",
    "import os", "subprocess", "__import__", "process.env", "atob(", "module.exports"
  };

  @Override
  public String name() {
    return "code-disguised-as-media";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (f.scope() != Scope.CODE) {
      return List.of();
    }
    ContentType claimed = ContentSniffer.claimedByExtension(f.path());
    if (claimed == null) {
      return List.of();
    }
    ContentType.Family fam = claimed.family();
    if (fam != ContentType.Family.FONT && fam != ContentType.Family.IMAGE) {
      return List.of();
    }
    String t = f.text();
    if (f.type().isText()) {
      int at = firstMarker(t);
      return at >= 0 || f.type().family() == ContentType.Family.CODE && canAct(t)
          ? List.of(new Hit(Math.max(at, 0), Math.max(at, 0), "text content in a ." + claimed.name().toLowerCase(java.util.Locale.ROOT) + " file"))
          : List.of();
    }
    int at = firstMarker(t);
    return at < 0 ? List.of() : List.of(new Hit(at, at + 1, "script code inside " + f.type().name() + " data"));
  }

  /**
   * Whether code text can do anything when run: it calls something (a parenthesis or a tagged
   * template). A bundler's asset stub ({@code export default __webpack_public_path__ + "x.ttf"})
   * only names a URL, and build tools emit such stubs under the asset's own name.
   */
  private static boolean canAct(String t) {
    return t.indexOf('(') >= 0 || t.indexOf('`') >= 0;
  }

  private static int firstMarker(String t) {
    int best = -1;
    for (String m : MARKERS) {
      int i = t.indexOf(m);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
