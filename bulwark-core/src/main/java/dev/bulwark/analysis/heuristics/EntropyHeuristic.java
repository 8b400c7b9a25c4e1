package dev.bulwark.analysis.heuristics;

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
 * A long run of base64/hex-like characters with high Shannon entropy in code: an encoded blob.
 * Parameters: {@code min-length} (default 200) and {@code min-entropy} in bits per char (default
 * 4.8). Data URIs of images and fonts and source maps are ignored.
 */
final class EntropyHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("high-entropy-string", "Long encoded blob in code",
      Severity.LOW, Confidence.LOW, Category.OBFUSCATION, true,
      "The code contains a long, random-looking encoded string.",
      "A long string of base64 or hex characters is embedded in the code.",
      "Attackers embed encrypted or encoded payloads as strings and decode them at run time.",
      "Look at what the code does with this string; decode it offline if it reaches eval or exec.",
      "T1027");

  @Override
  public String name() {
    return "entropy";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (f.scope() != Scope.CODE || f.type().family() != ContentType.Family.CODE
        || f.type() == ContentType.JSON || f.path().endsWith(".map")) {
      return List.of();
    }
    int minLen = Heuristic.intParam(params, "min-length", 200);
    double minEntropy = Heuristic.doubleParam(params, "min-entropy", 4.8);
    String t = f.text();
    int i = 0;
    while (i < t.length()) {
      if (!blobChar(t.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < t.length() && blobChar(t.charAt(j))) {
        j++;
      }
      if (j - i >= minLen && !isDataUri(t, i) && !knownBinary(t, i)) {
        double e = entropy(t, i, Math.min(j, i + 8192));
        if (e >= minEntropy) {
          return List.of(new Hit(i, Math.min(j, i + 80), String.format(java.util.Locale.ROOT, "%d chars, %.1f bits/char", j - i, e)));
        }
      }
      i = j;
    }
    return List.of();
  }

  private static boolean blobChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
  }

  /** Base64 of WebAssembly, images and fonts: embedded assets, not payloads. */
  private static final String[] BINARY_PREFIXES = {"AGFzbQ", "iVBORw0KGgo", "/9j/", "R0lGOD", "d09GMg", "d09GRg", "AAEAAA", "T1RUTw"};

  private static boolean knownBinary(String t, int start) {
    for (String p : BINARY_PREFIXES) {
      if (t.startsWith(p, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDataUri(String t, int start) {
    int from = Math.max(0, start - 40);
    String before = t.substring(from, start);
    return before.contains("data:image/") || before.contains("data:font/")
        || before.contains("data:application/font") || before.contains("data:application/x-font")
        || before.contains("sourceMappingURL");
  }

  /** Shannon entropy in bits per char over [from, to). */
  static double entropy(String t, int from, int to) {
    int[] counts = new int[128];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < 128) {
        counts[c]++;
        n++;
      }
    }
    double e = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        e -= p * (Math.log(p) / Math.log(2));
      }
    }
    return e;
  }
}
