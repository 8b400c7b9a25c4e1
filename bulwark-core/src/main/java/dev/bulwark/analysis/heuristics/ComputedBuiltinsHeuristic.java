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
 * Python that reaches builtins through computed names: {@code getattr(__builtins__, <expr>)} or
 * {@code __builtins__.__dict__[<expr>]} where the name is not a plain string, or letters picked
 * out of object reprs ({@code oct.__str__()[-3]}). Readable code names its builtins.
 */
final class ComputedBuiltinsHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("python-computed-builtins", "Builtins reached through computed names",
      Severity.HIGH, Confidence.MEDIUM, Category.OBFUSCATION, true,
      "The code looks up Python builtins by names it computes at run time.",
      "The code spells builtin names such as chr, exec or __import__ indirectly, for example by picking"
          + " letters out of the text of other objects, so that a reader or scanner does not see them.",
      "Obfuscators do this to hide calls to exec, __import__ and chr from reviewers and scanners.",
      "Treat the package as hostile; decode the strings offline (Bulwark shows revealed strings as decoded evidence).",
      "T1027");

  @Override
  public String name() {
    return "python-computed-builtins";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    if (f.language() != Language.PYTHON) {
      return List.of();
    }
    String t = f.text();
    int pick = t.indexOf(".__str__()[");
    if (pick >= 0) {
      return List.of(new Hit(pick, pick + 11, "letters picked from an object's text"));
    }
    for (String access : new String[] {"getattr(__builtins__,", "getattr(builtins,", "__builtins__.__dict__["}) {
      int i = t.indexOf(access);
      while (i >= 0) {
        int p = i + access.length();
        while (p < t.length() && t.charAt(p) == ' ') {
          p++;
        }
        if (p < t.length() && !plainString(t, p) && !plainName(t, p)
            && !(access.startsWith("getattr") && hasDefault(t, p))) {
          return List.of(new Hit(i, p, "computed builtin name"));
        }
        i = t.indexOf(access, i + 1);
      }
    }
    return List.of();
  }

  /**
   * Whether a plain name or dotted attribute ({@code name}, {@code node.id}) followed by ')' or ','
   * starts at {@code p}: looking a builtin up by a variable is ordinary reflection (interpreters,
   * type resolvers); obfuscators compute the name in place from pieces.
   */
  private static boolean plainName(String t, int p) {
    int k = p;
    while (k < t.length() && k - p < 100 && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '_'
        || t.charAt(k) == '.')) {
      k++;
    }
    if (k == p || Character.isDigit(t.charAt(p))) {
      return false;
    }
    while (k < t.length() && t.charAt(k) == ' ') {
      k++;
    }
    return k < t.length() && (t.charAt(k) == ')' || t.charAt(k) == ',');
  }

  /**
   * Whether the getattr call whose name argument starts at {@code p} passes a default (a third
   * argument): a lookup that expects the name to be missing, such as an exception class named in
   * a child process's error report. exec, eval, compile and __import__ always exist, so code that
   * computes their names has no use for a default. Scans at most 300 characters, skipping strings
   * and nested brackets.
   */
  private static boolean hasDefault(String t, int p) {
    int depth = 0;
    for (int k = p; k < t.length() && k - p < 300; k++) {
      char c = t.charAt(k);
      if (c == '\'' || c == '"') {
        int end = t.indexOf(c, k + 1);
        if (end < 0) {
          return false;
        }
        k = end;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return false;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a plain string literal starts at {@code p} and is followed by ')' or ']'. */
  private static boolean plainString(String t, int p) {
    char q = t.charAt(p);
    if (q != '\'' && q != '"') {
      return false;
    }
    int end = t.indexOf(q, p + 1);
    if (end < 0 || end - p > 200) {
      return false;
    }
    int k = end + 1;
    while (k < t.length() && t.charAt(k) == ' ') {
      k++;
    }
    return k < t.length() && (t.charAt(k) == ')' || t.charAt(k) == ']' || t.charAt(k) == ',');
  }
}
