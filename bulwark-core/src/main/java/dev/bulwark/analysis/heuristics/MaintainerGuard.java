package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Conditions in a {@code setup.py} that hold only when a maintainer runs it with a command of
 * their own ({@code python setup.py publish}, {@code … test}, {@code … docs}): {@code sys.argv[-1]
 * == "publish"}, {@code "release" in sys.argv}, {@code sys.argv[1] in ("tag", "bump")}, joined by
 * {@code and} (one such part is enough) or {@code or} (every part must be one). pip, build
 * front-ends and setuptools' PEP 517 backend only ever pass the commands of {@link #INSTALL}, so
 * the body of such a branch does not run on install. A comparison that could hold on install
 * ({@code "install" in sys.argv}, {@code !=}, {@code not in}) is not a guard.
 */
final class MaintainerGuard {
  /** Commands pip and the build backends give setup.py (sdist too, to stay on the safe side). */
  private static final Set<String> INSTALL = Set.of("install", "develop", "egg_info", "dist_info",
      "bdist_wheel", "bdist_egg", "bdist", "build", "build_ext", "build_py", "build_clib",
      "build_scripts", "editable_wheel", "install_lib", "install_scripts", "install_data",
      "install_headers", "install_egg_info", "sdist", "--version", "--name");

  private MaintainerGuard() {}

  /** Whether {@code cond} holds only for a maintainer's own setup.py command. */
  static boolean holdsOnlyOutsideInstall(TSNode cond, SyntaxTree tree) {
    return guard(cond, tree, 0);
  }

  private static boolean guard(TSNode n, SyntaxTree tree, int depth) {
    if (n == null || n.isNull() || depth > 8) {
      return false;
    }
    switch (n.getType()) {
      case "parenthesized_expression":
        return n.getNamedChildCount() == 1 && guard(n.getNamedChild(0), tree, depth + 1);
      case "boolean_operator": {
        TSNode op = n.getChildByFieldName("operator");
        TSNode l = n.getChildByFieldName("left");
        TSNode r = n.getChildByFieldName("right");
        String o = op == null || op.isNull() ? "" : tree.text(op);
        return o.equals("and") ? guard(l, tree, depth + 1) || guard(r, tree, depth + 1)
            : o.equals("or") && guard(l, tree, depth + 1) && guard(r, tree, depth + 1);
      }
      case "comparison_operator":
        return comparison(n, tree);
      default:
        return false;
    }
  }

  /** {@code ARGV == LITERALS}, {@code LITERALS == ARGV}, {@code LITERAL in ARGV}, {@code ARGV in LITERALS}. */
  private static boolean comparison(TSNode n, SyntaxTree tree) {
    if (n.getNamedChildCount() != 2 || n.getChildCount() != 3) {
      return false;
    }
    String op = tree.text(n.getChild(1)).strip();
    if (!op.equals("==") && !op.equals("in")) {
      return false;
    }
    TSNode a = n.getNamedChild(0);
    TSNode b = n.getNamedChild(1);
    if (argv(a, tree)) {
      return maintainerWords(b, tree);
    }
    return argv(b, tree) && maintainerWords(a, tree);
  }

  /** {@code sys.argv}, a subscript or slice of it. */
  private static boolean argv(TSNode n, SyntaxTree tree) {
    String t = tree.text(n).replace(" ", "");
    if (t.length() > 40) {
      return false;
    }
    if (t.equals("sys.argv")) {
      return true;
    }
    return t.startsWith("sys.argv[") && t.endsWith("]") && t.indexOf(']') == t.length() - 1;
  }

  /** A string literal or a list, tuple or set of them, none of which pip would pass. */
  private static boolean maintainerWords(TSNode n, SyntaxTree tree) {
    List<TSNode> strings = new ArrayList<>();
    String type = n.getType();
    if (type.equals("string")) {
      strings.add(n);
    } else if (type.equals("list") || type.equals("tuple") || type.equals("set")) {
      for (int i = 0; i < n.getNamedChildCount() && i < 32; i++) {
        TSNode e = n.getNamedChild(i);
        if (!e.getType().equals("string")) {
          return false;
        }
        strings.add(e);
      }
    } else {
      return false;
    }
    if (strings.isEmpty()) {
      return false;
    }
    for (TSNode s : strings) {
      String w = literal(tree.text(s));
      if (w.isEmpty() || INSTALL.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** The text of a plain string literal ('x', "x", r"x"), or "" for f-strings, escapes, empties. */
  private static String literal(String t) {
    int i = 0;
    while (i < t.length() && "rRuUbB".indexOf(t.charAt(i)) >= 0) {
      i++;
    }
    if (i >= t.length() || t.length() - i < 3) {
      return "";
    }
    char q = t.charAt(i);
    if (q != '\'' && q != '"' || t.charAt(t.length() - 1) != q) {
      return "";
    }
    String body = t.substring(i + 1, t.length() - 1);
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return "";
      }
    }
    return body;
  }
}
