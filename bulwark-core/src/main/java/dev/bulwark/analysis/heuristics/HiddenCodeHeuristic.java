package dev.bulwark.analysis.heuristics;

import com.google.re2j.Pattern;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Code hidden behind whitespace that itself loads or runs code: the part of a line after a long
 * run of spaces (or the text after many blank lines) holds at least two different execution or
 * obfuscation markers ({@code eval(}, {@code require} aliased to a global, {@code fromCharCode},
 * {@code exec(__import__('base64')…)}, …). {@link WhitespacePaddingHeuristic} says that something
 * is hidden; this one says that what is hidden runs code, which ordinary files never do.
 */
final class HiddenCodeHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("hidden-code-executes",
      "Code hidden off-screen loads or runs more code",
      Severity.HIGH, Confidence.HIGH, Category.EVASION, true,
      "Code pushed out of sight by whitespace decodes, loads or runs further code.",
      "After hundreds of spaces on one line (or hundreds of blank lines) the file carries code that"
          + " a normal look at it does not show, and that code decodes strings, loads modules or"
          + " runs code it builds at run time.",
      "Trojanised projects and packages hide their loader this way, often at the end of a config file"
          + " (tailwind, postcss, next, vite) or setup.py, so that the file looks normal in an editor"
          + " and in a code review; the loader then fetches or decodes the real malware.",
      "Do not run or install it. Scroll right (or down) to the hidden code and compare the file with the"
          + " project's upstream repository. If it already ran, run `bulwark sweep` and rotate secrets from"
          + " a clean device.",
      "T1564", "T1027", "T1059");

  /** Hidden regions longer than this are cut (the markers are near the start). */
  private static final int REGION = 20_000;
  /** Marker kinds: one hit of each counts once. */
  private static final List<Pattern> MARKERS = List.of(
      Pattern.compile("\\beval\\s*\\(|\\bexec\\s*\\("),
      Pattern.compile("\\bFunction\\s*\\(|\\.constructor\\s*\\("),
      Pattern.compile("\\brequire\\s*\\(|=\\s*require\\b|\\b__import__\\s*\\(|\\bimportlib\\b"),
      Pattern.compile("fromCharCode|charCodeAt|\\bchr\\s*\\("),
      Pattern.compile("\\batob\\s*\\(|Buffer\\.from\\s*\\(|\\bb64decode\\b|\\bbase64\\b|\\bzlib\\b|\\bmarshal\\b"),
      Pattern.compile("\\\\x[0-9a-fA-F]{2}|\\b_0x[0-9a-f]{4,}|_\\$_[0-9a-zA-Z]{2,}"),
      Pattern.compile("\\bglobal(?:This)?\\s*\\[|\\bglobals\\s*\\(\\s*\\)\\s*\\["),
      Pattern.compile("\\bchild_process\\b|\\bsubprocess\\b|\\bos\\.(?:system|popen)\\b"),
      Pattern.compile("https?://|\\burlopen\\b|\\brequests\\.(?:get|post)\\b|\\baxios\\b|\\bfetch\\s*\\("));

  @Override
  public String name() {
    return "hidden-code-executes";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (!WhitespacePaddingHeuristic.applies(f)) {
      return List.of();
    }
    int minSpaces = Heuristic.intParam(params, "min-spaces", 150);
    int minBlank = Heuristic.intParam(params, "min-blank-lines", 100);
    int minMarkers = Heuristic.intParam(params, "min-markers", 2);
    String t = f.text();
    for (Hit h : WhitespacePaddingHeuristic.scan(t, minSpaces, minBlank, 16)) {
      int end = h.detail().contains("blank") ? t.length() : lineEnd(t, h.start());
      String hidden = t.substring(h.start(), Math.min(end, h.start() + REGION));
      int kinds = 0;
      for (Pattern p : MARKERS) {
        kinds += p.matcher(hidden).find() ? 1 : 0;
      }
      if (kinds >= minMarkers && hidden.strip().length() >= 40) {
        return List.of(new Hit(h.start(), h.end(), h.detail() + ", then code with " + kinds + " kinds of execution or decoding markers"));
      }
    }
    return List.of();
  }

  private static int lineEnd(String t, int from) {
    int nl = t.indexOf('\n', from);
    return nl < 0 ? t.length() : nl;
  }
}
