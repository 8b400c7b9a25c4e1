package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Code pushed out of sight: code after a long run of spaces on one line (default 150, parameter
 * {@code min-spaces}), or after many blank lines (default 100, parameter {@code min-blank-lines}).
 */
final class WhitespacePaddingHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("whitespace-padding", "Code hidden behind whitespace",
      Severity.MEDIUM, Confidence.MEDIUM, Category.EVASION, true,
      "Code is pushed out of sight by a long run of whitespace.",
      "Some code sits after hundreds of spaces on a line, or after hundreds of blank lines, where an editor or a code review does not show it.",
      "Attackers append their payload off-screen so that a quick look at the file shows nothing unusual.",
      "Scroll to the hidden code, read it, and do not install the package if it is not explained.",
      "T1564");

  @Override
  public String name() {
    return "whitespace-padding";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (!applies(f)) {
      return List.of();
    }
    int minSpaces = Heuristic.intParam(params, "min-spaces", 150);
    int minBlank = Heuristic.intParam(params, "min-blank-lines", 100);
    return scan(f.text(), minSpaces, minBlank, 1);
  }

  /** Whether the heuristic looks at this file at all: code, not installer metadata. */
  static boolean applies(ScanFile f) {
    return f.type().isText() && f.type().family() == dev.bulwark.analysis.content.ContentType.Family.CODE
        && !packageMetadata(f.path());
  }

  /**
   * The most text after a run of blank lines for that text to count as hidden. Blank-line padding
   * hides a tail: the file seems to end, and the loader sits below. A gap of blank lines with
   * megabytes of code after it (concatenated modules of a bundle) hides nothing; the editor's
   * scroll bar shows how much follows.
   */
  static final int MAX_HIDDEN_TAIL = 256 * 1024;

  /**
   * Up to {@code max} places where code starts after {@code minSpaces} spaces on a line that
   * already has content, or after {@code minBlank} blank lines with at most
   * {@link #MAX_HIDDEN_TAIL} characters after them; each hit is the first hidden char.
   */
  static List<Hit> scan(String t, int minSpaces, int minBlank, int max) {
    return minSpaces >= 1 && minBlank >= 1 ? scanStretches(t, minSpaces, minBlank, max) : scanPlain(t, minSpaces, minBlank, max);
  }

  private static boolean blankChar(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\n';
  }

  /**
   * {@link #scanPlain}'s answer from the whitespace stretches alone: every hit follows a stretch
   * of blank characters (spaces and newlines) at least {@code k = min(minSpaces, minBlank)} long,
   * so only every k-th character is probed outside such stretches, and the counters of the
   * character loop are computed from the stretch before each hit.
   */
  private static List<Hit> scanStretches(String t, int minSpaces, int minBlank, int max) {
    List<Hit> out = new java.util.ArrayList<>();
    int k = Math.min(minSpaces, minBlank);
    int len = t.length();
    int p = k - 1;
    while (p < len && out.size() < max) {
      if (!blankChar(t.charAt(p))) {
        p += k;
        continue;
      }
      int s = p;
      while (s > 0 && blankChar(t.charAt(s - 1))) {
        s--;
      }
      int e = p + 1;
      while (e < len && blankChar(t.charAt(e))) {
        e++;
      }
      int newlines = 0;
      int lastNewline = -1;
      for (int i = s; i < e && e - s >= k; i++) {
        if (t.charAt(i) == '\n') {
          newlines++;
          lastNewline = i;
        }
      }
      if (e < len && e - s >= k) {
        boolean preceded = s > 0;
        boolean lineHasContent = newlines == 0 && preceded;
        int run = newlines == 0 ? e - s : e - lastNewline - 1;
        int blank = newlines == 0 ? 0 : preceded ? newlines - 1 : newlines;
        if (run >= minSpaces && lineHasContent) {
          out.add(new Hit(e, e + 1, run + " spaces before code"));
        } else if (!lineHasContent && blank >= minBlank && len - e <= MAX_HIDDEN_TAIL) {
          out.add(new Hit(e, e + 1, blank + " blank lines before code"));
        }
      }
      // the next stretch starts after e, so its k-th character is at e + k or later
      p = e + k;
    }
    return out;
  }

  /** The character loop (the reference for {@link #scanStretches}, and for counts below 1). */
  static List<Hit> scanPlain(String t, int minSpaces, int minBlank, int max) {
    List<Hit> out = new java.util.ArrayList<>();
    int run = 0;
    int blank = 0;
    boolean lineHasContent = false;
    for (int i = 0; i < t.length() && out.size() < max; i++) {
      char c = t.charAt(i);
      if (c == '\n') {
        blank = lineHasContent ? 0 : blank + 1;
        lineHasContent = false;
        run = 0;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\u00a0') {
        run++;
      } else {
        if (run >= minSpaces && lineHasContent) {
          out.add(new Hit(i, i + 1, run + " spaces before code"));
        } else if (!lineHasContent && blank >= minBlank && t.length() - i <= MAX_HIDDEN_TAIL) {
          out.add(new Hit(i, i + 1, blank + " blank lines before code"));
        }
        lineHasContent = true;
        blank = 0;
        run = 0;
      }
    }
    return out;
  }

  /** Installer metadata (a long description with wide tables), not code. */
  private static boolean packageMetadata(String path) {
    return path.contains(".dist-info/") || path.contains(".egg-info/") || path.endsWith("PKG-INFO");
  }
}
