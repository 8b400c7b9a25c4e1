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
 * One minified JavaScript or Python file outside build output in a package that otherwise ships
 * readable source: the typical shape of an injected payload. The view of the other files comes
 * from the package ({@link PackageView#types()}); readability is judged on this file's lines.
 */
final class MinifiedOutlierHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("minified-outlier", "Minified file in a package of readable source",
      Severity.MEDIUM, Confidence.LOW, Category.OBFUSCATION, true,
      "This file is minified while the rest of the package is readable source.",
      "One file is packed onto a few very long lines, outside any dist/ or build/ folder, while the other files are normal source.",
      "Injected payloads are often minified or packed so that they stand out less in a review than readable code would.",
      "Compare this file with the project's repository; a file that is not there is a strong warning sign.",
      "T1027");

  /** A file is minified when its average line is longer than this. */
  static final int MINIFIED_LINE = 400;

  @Override
  public String name() {
    return "minified-outlier";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (f.scope() != Scope.CODE || (f.type() != ContentType.JAVASCRIPT && f.type() != ContentType.PYTHON)
        || Paths.isBuildOutput(f.path()) || f.text().length() < 2_000) {
      return List.of();
    }
    if (averageLineBelow(f.text(), MINIFIED_LINE) || dataLiterals(f.text())) {
      return List.of();
    }
    long readableSiblings = pkg.types().entrySet().stream()
        .filter(e -> !e.getKey().equals(f.path()) && e.getValue() == f.type() && !Paths.isBuildOutput(e.getKey()))
        .count();
    return readableSiblings >= 1 ? List.of(new Hit(0, 1, "average line over " + MINIFIED_LINE + " chars")) : List.of();
  }

  /**
   * {@code averageLine(t) < limit}, reading only as far as it takes: the integer average
   * {@code t.length() / lines} is below {@code limit} exactly when {@code lines} exceeds
   * {@code t.length() / limit}, so the count stops there (on readable code after a few percent of
   * the text).
   */
  static boolean averageLineBelow(String t, int limit) {
    long need = t.length() / limit + 1L;
    int lines = 1;
    if (lines >= need) {
      return true;
    }
    int from = 0;
    while (true) {
      int nl = t.indexOf('\n', from);
      if (nl < 0) {
        return false;
      }
      if (++lines >= need) {
        return true;
      }
      from = nl + 1;
    }
  }

  /** A run of base64 or hex characters at least this long is a data literal, not code. */
  static final int DATA_RUN = 256;

  /**
   * Whether the long lines are data: with every run of at least {@link #DATA_RUN} base64 or hex
   * characters left out (an embedded WebAssembly module, font or image), the average line is
   * readable. Such a file embeds a blob; the rules that look at blobs (entropy, decode-and-run)
   * judge it, while this heuristic is about code packed onto few lines.
   */
  static boolean dataLiterals(String t) {
    int lines = 1;
    long data = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n') {
        lines++;
      }
      if (c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=')) {
        run++;
      } else {
        data += run >= DATA_RUN ? run : 0;
        run = 0;
      }
    }
    data += run >= DATA_RUN ? run : 0;
    return data > 0 && (t.length() - data) / lines < MINIFIED_LINE;
  }

  /** The average line length (integer division), for tests: {@link #averageLineBelow} answers the comparison. */
  static int averageLine(String t) {
    int lines = 1;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '\n') {
        lines++;
      }
    }
    return t.length() / lines;
  }
}
