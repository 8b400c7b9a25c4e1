package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds whether a Python module of a package is imported, one level deep, by code that runs on
 * install (the package's setup.py) or on import (an __init__.py of one of its enclosing
 * packages), and which of its names that code then uses. Modules resolve as {@code pkg/x.py} or
 * {@code pkg/x/__init__.py}, relative to the importing file's package for relative imports and to
 * the setup.py folder (or its {@code src/}) for absolute ones; nothing outside the package.
 */
final class PyImportFollow {
  /** How the module is reached: the names the importer uses, and the import statement. */
  record Via(Set<String> entries, boolean allMethods, String importer, String statement, boolean asMain) {}

  /** Importers looked at per module, and imports per importer. */
  static final int MAX_IMPORTERS = 4;
  static final int MAX_IMPORTS = 32;

  private PyImportFollow() {}

  /**
   * How the module at {@code path} runs at install time (install true) or at import time of an
   * enclosing package (install false), if it does.
   */
  static Optional<Via> of(String path, PackageView pkg, boolean install, long parseWork) {
    String stem = stem(path);
    if (stem.isEmpty()) {
      return Optional.empty();
    }
    int seen = 0;
    for (String importer : importers(path, install)) {
      if (!pkg.types().containsKey(importer) || seen++ >= MAX_IMPORTERS) {
        continue;
      }
      Optional<String> text = pkg.source().apply(importer);
      if (text.isEmpty() || !text.get().contains(stem)) {
        continue;
      }
      Optional<Facts> facts = Memo.facts(pkg, importer, install, text.get(), parseWork);
      Optional<Via> via = facts.isEmpty() ? Optional.empty() : follow(path, importer, facts.get(), install);
      if (via.isPresent()) {
        return via;
      }
    }
    return Optional.empty();
  }

  /** The module's own name: {@code x} for x.py and x/__init__.py. */
  private static String stem(String path) {
    String[] parts = path.split("/");
    String base = parts[parts.length - 1];
    if (!base.endsWith(".py")) {
      return "";
    }
    if (base.equals("__init__.py")) {
      return parts.length >= 2 ? parts[parts.length - 2] : "";
    }
    return base.substring(0, base.length() - 3);
  }

  /** setup.py in each enclosing folder, or __init__.py of each enclosing package (nearest first). */
  private static List<String> importers(String path, boolean install) {
    List<String> out = new ArrayList<>();
    String dir = parent(path);
    if (path.endsWith("/__init__.py") || path.equals("__init__.py")) {
      dir = parent(dir);
    }
    for (int depth = 0; depth < 8 && dir != null; depth++) {
      out.add(join(dir, install ? "setup.py" : "__init__.py"));
      dir = dir.isEmpty() ? null : parent(dir);
    }
    return out;
  }

  /**
   * What the follow needs of one importing file, without its syntax tree: its imports, the names
   * its executed code calls or refers to, and its calls as text.
   */
  record Facts(List<PySurface.Import> imports, Set<String> called, Set<String> referenced,
      List<CallText> calls) {
    boolean uses(String name, boolean orRefers) {
      return called.contains(name) || orRefers && referenced.contains(name);
    }

    Set<String> usedUnder(String prefix) {
      Set<String> out = new java.util.HashSet<>();
      for (String r : called) {
        if (r.startsWith(prefix) && r.indexOf('.', prefix.length()) < 0 && r.length() > prefix.length()) {
          out.add(r.substring(prefix.length()));
        }
      }
      return out;
    }

    static Optional<Facts> parse(String text, boolean install, long parseWork) {
      Optional<SyntaxTree> tree = SyntaxTree.parse(Language.PYTHON, text,
          Budget.of(parseWork, EngineLimitsView.LAST_RESORT_MILLIS));
      if (tree.isEmpty()) {
        return Optional.empty();
      }
      try (SyntaxTree t = tree.get()) {
        return Optional.of(of(PySurface.of(t, install)));
      }
    }

    /** The facts of a walked surface. */
    static Facts of(PySurface s) {
      List<CallText> calls = new ArrayList<>();
      for (PySurface.Call c : s.calls()) {
        if (calls.size() >= PySurface.MAX_CALLS) {
          break;
        }
        calls.add(new CallText(c.callee(), c.argsText()));
      }
      return new Facts(List.copyOf(s.imports()), Set.copyOf(s.calledNames()),
          Set.copyOf(s.referencedNames()), calls);
    }
  }

  /** A call's callee and argument text. */
  record CallText(String callee, String argsText) {}

  /** The last resort of the follow's own parses (its work budget is the caller's). */
  private static final class EngineLimitsView {
    static final long LAST_RESORT_MILLIS = dev.bulwark.analysis.EngineLimits.DEFAULT.lastResortMillis();
  }

  /**
   * Parse once per package: the importing setup.py or __init__.py of every module of a package is
   * the same few files, so their facts are kept for the package being analysed on this thread
   * (one package at a time per thread; a new package view starts a new memo). Bounded in entries.
   * The direct judgement of a setup.py or __init__.py leaves its facts here too ({@link #remember}),
   * so an importer that was judged is not parsed again; an entry is used only for the same text.
   */
  private static final class Memo {
    private static final int MAX_ENTRIES = 256;
    private static final ThreadLocal<Memo> CURRENT = new ThreadLocal<>();
    private final java.lang.ref.WeakReference<PackageView> pkg; // never keeps a package alive
    private final Map<String, Entry> facts = new java.util.HashMap<>();

    /** Facts, and the text they were taken from. */
    private record Entry(String text, Optional<Facts> facts) {}

    private Memo(PackageView pkg) {
      this.pkg = new java.lang.ref.WeakReference<>(pkg);
    }

    private static Memo of(PackageView pkg) {
      Memo m = CURRENT.get();
      if (m == null || m.pkg.get() != pkg) {
        m = new Memo(pkg);
        CURRENT.set(m);
      }
      return m;
    }

    private static String key(String importer, boolean install) {
      return (install ? "i:" : "m:") + importer;
    }

    static Optional<Facts> facts(PackageView pkg, String importer, boolean install, String text, long parseWork) {
      Memo m = of(pkg);
      String key = key(importer, install);
      Entry e = m.facts.get(key);
      if (e == null || !e.text().equals(text)) {
        e = new Entry(text, Facts.parse(text, install, parseWork));
        m.put(key, e);
      }
      return e.facts();
    }

    void put(String key, Entry e) {
      if (facts.size() < MAX_ENTRIES || facts.containsKey(key)) {
        facts.put(key, e);
      }
    }
  }

  /**
   * Keeps the facts of a setup.py ({@code install}) or __init__.py that was parsed and walked for
   * its own judgement: {@code s} is {@code PySurface.of(tree, install)} of {@code text}, which is
   * what {@link Facts#parse} would compute for it as an importer.
   */
  static void remember(PackageView pkg, String path, boolean install, String text, PySurface s) {
    Memo.of(pkg).put(Memo.key(path, install), new Memo.Entry(text, Optional.of(Facts.of(s))));
  }

  private static Optional<Via> follow(String path, String importer, Facts s, boolean install) {
    int n = 0;
    for (PySurface.Import imp : s.imports()) {
      if (n++ >= MAX_IMPORTS) {
        break;
      }
      Optional<String> prefix = matches(path, importer, imp, install);
      if (prefix.isPresent()) {
        Set<String> entries = new TreeSet<>();
        if (prefix.get().isEmpty()) {
          imp.names().forEach((name, bound) -> {
            if (s.uses(bound, install)) {
              entries.add(name);
            }
          });
        } else {
          entries.addAll(s.usedUnder(prefix.get()));
        }
        return Optional.of(new Via(entries, install, importer, oneLine(imp.text()), false));
      }
    }
    if (install) {
      return runAsModule(path, importer, s);
    }
    return Optional.empty();
  }

  /**
   * Install-time code that starts {@code python -m pkg.mod}: the module runs as a program
   * (its {@code __main__} block included) while the package installs.
   */
  private static Optional<Via> runAsModule(String path, String importer, Facts s) {
    int n = 0;
    for (CallText c : s.calls()) {
      if (n++ >= PySurface.MAX_CALLS || !(c.callee().startsWith("subprocess.") || c.callee().startsWith("os."))) {
        continue;
      }
      String module = moduleAfterDashM(c.argsText());
      for (String base : module.isEmpty() ? List.<String>of() : bases(importer, module, true)) {
        if (path.equals(base + ".py") || path.equals(base + "/__main__.py")) {
          String call = c.argsText().length() > 120 ? c.argsText().substring(0, 120) : c.argsText();
          return Optional.of(new Via(Set.of(), true, importer, oneLine(c.callee() + call), true));
        }
      }
    }
    return Optional.empty();
  }

  /** The dotted module after a {@code -m} switch in a command's text, or "" (hand-written scan, no regex). */
  static String moduleAfterDashM(String args) {
    int i = args.indexOf("-m");
    while (i >= 0) {
      char before = i == 0 ? ' ' : args.charAt(i - 1);
      int j = i + 2;
      if (before == ' ' || before == '"' || before == '\'') {
        while (j < args.length() && " \"',".indexOf(args.charAt(j)) >= 0) {
          j++;
        }
        int k = j;
        while (k < args.length() && (Character.isLetterOrDigit(args.charAt(k)) || args.charAt(k) == '_' || args.charAt(k) == '.')) {
          k++;
        }
        if (k > j + 2 && j > i + 2) {
          return args.substring(j, k);
        }
      }
      i = args.indexOf("-m", i + 2);
    }
    return "";
  }

  /**
   * Whether this import loads the module at {@code path}: "" when the importer takes names from
   * it ({@code from m import f}), or the prefix under which the importer reaches its names
   * ({@code "m."} after {@code import pkg.m as m} or {@code from pkg import m}).
   */
  private static Optional<String> matches(String path, String importer, PySurface.Import imp, boolean install) {
    for (String base : bases(importer, imp.module(), install)) {
      if (path.equals(base + ".py") || path.equals(base + "/__init__.py")) {
        return Optional.of(imp.fromImport() ? "" : imp.bound() + ".");
      }
      if (!imp.fromImport()) {
        continue;
      }
      for (Map.Entry<String, String> name : imp.names().entrySet()) {
        String sub = join(base, name.getKey());
        if (path.equals(sub + ".py") || path.equals(sub + "/__init__.py")) {
          return Optional.of(name.getValue() + ".");
        }
      }
    }
    return Optional.empty();
  }

  /** Folder paths (without extension) the module may live at. */
  private static List<String> bases(String importer, String module, boolean install) {
    String dir = parent(importer);
    if (module.startsWith(".")) {
      int dots = 0;
      while (dots < module.length() && module.charAt(dots) == '.') {
        dots++;
      }
      for (int i = 1; i < dots && dir != null; i++) {
        dir = dir.isEmpty() ? null : parent(dir);
      }
      String rest = module.substring(dots);
      return dir == null || install ? List.of() : List.of(rest.isEmpty() ? dir : join(dir, rest.replace('.', '/')));
    }
    String rel = module.replace('.', '/');
    if (install) {
      return List.of(join(dir, rel), join(join(dir, "src"), rel));
    }
    // an absolute import from an __init__.py: the enclosing folder named like the top package
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    for (String d = dir; d != null && !d.isEmpty(); d = parent(d)) {
      String name = d.substring(d.lastIndexOf('/') + 1);
      if (name.equals(top)) {
        return List.of(join(parent(d), rel));
      }
    }
    return List.of();
  }

  /** Collapses whitespace runs (hand-written: no regex over untrusted text). */
  private static String oneLine(String s) {
    StringBuilder b = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? "" : path.substring(0, i);
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }
}
