package dev.bulwark.analysis.verdict;

import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.NpmLifecycle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the code behind a finding runs, told from its path and position, and what that does to
 * the verdict (docs/verdict.md, "Scope"). Two judgements, applied before the findings are weighed:
 *
 * <ul>
 *   <li><b>Code that does not run on install or import</b> (tests, docs, examples, benchmarks, CI
 *       configuration, Makefiles, type declarations): its findings are set aside, and an install hook of a test
 *       fixture's manifest is no install hook of the package. A file that an install hook names,
 *       or that the Python install/import-time heuristics reached by following an import, keeps
 *       its findings.
 *   <li><b>Bundled or minified code</b> (dist/, build/, vendored and minified files, or any file
 *       whose findings sit on very long lines): a threat counts only when another rule's threat
 *       corroborates it in the same code region, so independent weak hits spread over a large
 *       bundle do not add up. Decisive threats (except data-flow findings, which follow names across the whole bundle) and files an install hook names are kept.
 * </ul>
 *
 * Written by hand: it is a judgement over this project's own finding records.
 */
final class CodeScope {
  private CodeScope() {}

  /** Where a file's code runs. */
  enum PathClass {
    /** Ordinary code: may run on install or import. */
    RUNS,
    /** Tests, docs, examples, benchmarks, CI and build files: not run on install or import. */
    NOT_RUN,
    /** Bundled, vendored or minified code. */
    BUNDLE
  }

  /** Folders whose code is not run when a package is installed or imported. */
  private static final Set<String> NOT_RUN_DIRS = Set.of("test", "tests", "__tests__", "__test__",
      "__mocks__", "spec", "specs", "doc", "docs", "example", "examples", "benchmark", "benchmarks",
      "bench", ".github", ".circleci", ".gitlab", ".ci", ".devcontainer", "e2e", "fixtures",
      "__fixtures__", "testdata", "test_data", "template", "templates");
  /**
   * Maintenance folders at the root of a source tree or sdist (not inside a package, where such
   * names can hold code that runs): release and CI helpers.
   */
  private static final Set<String> ROOT_MAINTENANCE_DIRS = Set.of("scripts", "tools", "ci", "maint",
      "devtools", "dev-tools", "utils-dev", "release", "tasks", "tooling", "hack", "build-aux",
      "build_tools", "build-tools", "buildscripts", "devscripts", "dev-scripts");
  /** CI configuration and build files (exact file names, lower case). */
  private static final Set<String> NOT_RUN_FILES = Set.of("makefile", "gnumakefile", ".travis.yml",
      ".gitlab-ci.yml", "azure-pipelines.yml", "appveyor.yml", "jenkinsfile", "tox.ini", "noxfile.py",
      "conftest.py", "dockerfile", "justfile", "taskfile.yml", "codecov.yml", "circle.yml",
      ".drone.yml", ".cirrus.yml", "bitbucket-pipelines.yml", "cloudbuild.yaml", "cloudbuild.yml",
      ".gitpod.yml", "vagrantfile");
  /** Folders that hold bundled, built or vendored code. */
  private static final Set<String> BUNDLE_DIRS = Set.of("dist", "build", "static", "vendor", "vendors",
      "vendored", "_vendor", "umd", "bundles", "bundle", "releases", "min", "browser", "public", "assets");

  /** A finding on a line longer than this sits in minified code. */
  static final int MINIFIED_COLUMN = 1_000;
  /** Findings within this many characters on one line share a code region. */
  static final int REGION_CHARS = 2_048;
  /** Findings within this many lines (on short lines) share a code region. */
  static final int REGION_LINES = 25;

  /** The class of a finding's file: the shipped file for decoded payloads and virtual files. */
  static PathClass pathClass(String file) {
    String origin = origin(file);
    String[] parts = origin.split("[/!]");
    String name = parts.length == 0 ? "" : parts[parts.length - 1].toLowerCase(Locale.ROOT);
    boolean bundle = false;
    boolean hook = file.contains("package.json#scripts.");
    if (hook && !NpmLifecycle.isInstallScriptPath(file)) {
      // npm runs only the lifecycle scripts on install; `test`, `build`, `coverage:push` run when a
      // developer of the package asks (a project's triggers name the manifest, see ProjectScanner)
      return PathClass.NOT_RUN;
    }
    if (hook && origin.contains("node_modules/") && file.substring(file.indexOf("#scripts.") + 9).contains("prepare")) {
      // prepare runs for a package installed from a folder or git; a bundled dependency under
      // node_modules/ is unpacked from the tarball, so only its (pre|post)install run
      return PathClass.NOT_RUN;
    }
    boolean buildOutput = false;
    for (int i = 0; i < parts.length - 1; i++) {
      String dir = parts[i].toLowerCase(Locale.ROOT);
      if (NOT_RUN_DIRS.contains(dir) || ROOT_MAINTENANCE_DIRS.contains(dir) && atRoot(parts, i)) {
        return PathClass.NOT_RUN;
      }
      if (hook && buildOutput && dir.equals("node_modules")) {
        // a dependency copied into build output (a standalone server's node_modules): npm runs the
        // lifecycle scripts of the package and of what it installs, never of manifests in its build folders
        return PathClass.NOT_RUN;
      }
      bundle |= BUNDLE_DIRS.contains(dir);
      buildOutput |= BUNDLE_DIRS.contains(dir) || dir.equals(".next") || dir.equals("standalone");
    }
    if (NOT_RUN_FILES.contains(name) || name.endsWith(".mk") || testFileName(name) || declarations(name)
        || documentOrTemplate(name)) {
      return PathClass.NOT_RUN;
    }
    if (bundle || name.endsWith(".min.js") || name.endsWith(".min.mjs") || name.endsWith(".min.cjs")
        || name.contains(".bundle.") || name.contains("-bundle.") || name.contains(".chunk.")
        || name.startsWith("chunk-") || name.contains(".umd.") || name.contains(".production.")) {
      return PathClass.BUNDLE;
    }
    return PathClass.RUNS;
  }

  /**
   * Whether parts[i] sits at the root of the scanned tree: first in the path, or right under an
   * archive or an archive's single top folder ({@code package/}, {@code name-1.0/}).
   */
  private static boolean atRoot(String[] parts, int i) {
    if (i == 0) {
      return true;
    }
    String up = parts[i - 1].toLowerCase(Locale.ROOT);
    boolean archive = up.endsWith(".tgz") || up.endsWith(".tar.gz") || up.endsWith(".zip") || up.isEmpty();
    boolean top = up.equals("package") || versionedFolder(up);
    if (archive) {
      return true;
    }
    if (!top) {
      return false;
    }
    String above = i >= 2 ? parts[i - 2].toLowerCase(Locale.ROOT) : "";
    return i == 1 || above.isEmpty() || above.endsWith(".tgz") || above.endsWith(".tar.gz")
        || above.endsWith(".zip");
  }

  /** {@code name-1.0}: an sdist's top folder (a dash followed by a digit). */
  private static boolean versionedFolder(String s) {
    for (int i = 1; i + 1 < s.length(); i++) {
      if (s.charAt(i) == '-' && Character.isDigit(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Type declarations: Python stubs ({@code .pyi}) and TypeScript declaration files ({@code .d.ts})
   * describe an API for type checkers and editors; neither Python nor Node ever runs them.
   */
  private static boolean declarations(String name) {
    return name.endsWith(".pyi") || name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts");
  }

  /** Extensions of prose, notebooks and configuration templates (lower case, with the dot). */
  private static final Set<String> DOCUMENT_EXT = Set.of(".md", ".markdown", ".rst", ".adoc",
      ".asciidoc", ".tex", ".ipynb", ".libsonnet", ".jsonnet", ".j2", ".jinja", ".jinja2",
      ".tmpl", ".tpl");

  /**
   * Prose, notebooks and configuration templates (a deployment example's cloud-init in jsonnet,
   * a README's curl | sh): neither pip, npm nor an import runs them. Code that loads and runs
   * such a file is judged where it does that.
   */
  private static boolean documentOrTemplate(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && DOCUMENT_EXT.contains(name.substring(dot));
  }

  /** test_x.py, x_test.py, x.test.js, x.spec.ts: test files wherever they are. */
  private static boolean testFileName(String name) {
    if (name.endsWith(".py")) {
      return name.startsWith("test_") || name.endsWith("_test.py");
    }
    for (String mid : new String[] {".test.", ".spec."}) {
      int at = name.lastIndexOf(mid);
      if (at > 0) {
        String ext = name.substring(at + mid.length());
        return Set.of("js", "cjs", "mjs", "jsx", "ts", "cts", "mts", "tsx").contains(ext);
      }
    }
    return false;
  }

  /**
   * Code of the package's own: not bundled, vendored or minified, and not a dependency shipped
   * under {@code node_modules/}. Whatever a vendored library can do is its vendor's concern, so
   * only the package's own capabilities are counted together (see VerdictModel).
   */
  static boolean ownCode(Finding f) {
    String file = f.location().file();
    return pathClass(file) == PathClass.RUNS && !origin(file).contains("node_modules/");
  }

  /** The shipped file a finding's path names (before "!decoded/n" and "#virtual" suffixes). */
  private static String origin(String file) {
    int decoded = file.indexOf("!decoded/");
    String o = decoded < 0 ? file : file.substring(0, decoded);
    int hash = o.indexOf('#');
    return hash < 0 ? o : o.substring(0, hash);
  }

  /**
   * The findings split into those the verdict weighs and those it sets aside.
   *
   * @param weighed the findings in code that runs, in their original order
   * @param setAside findings in code that does not run (install hooks of manifests under tests or
   *     fixtures included) and uncorroborated weak threats in bundles
   */
  record Scoped(List<Finding> weighed, List<Finding> setAside) {
    Scoped {
      weighed = List.copyOf(weighed);
      setAside = List.copyOf(setAside);
    }
  }

  /**
   * Splits findings by where their code runs: findings in code that does not run on install or
   * import (test fixtures' install hooks included) and uncorroborated weak threats in bundles are
   * set aside. {@code filesThatRun} names files known to run (a project's triggers reach them):
   * they keep every finding.
   */
  static Scoped effective(List<Finding> findings, List<String> hookCommands, Set<String> filesThatRun) {
    Map<String, List<Finding>> bundleThreats = new HashMap<>();
    for (Finding f : findings) {
      if (f.threat() && bundleLike(f, findings) && !namedByHook(f, hookCommands)
          && !filesThatRun.contains(origin(f.location().file()))) {
        bundleThreats.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
      }
    }
    List<Finding> out = new ArrayList<>(findings.size());
    List<Finding> aside = new ArrayList<>();
    for (Finding f : findings) {
      PathClass pc = pathClass(f.location().file());
      if (pc == PathClass.NOT_RUN && !namedByHook(f, hookCommands) && !followedImport(f)
          && !filesThatRun.contains(origin(f.location().file()))) {
        aside.add(f);
        continue;
      }
      List<Finding> peers = bundleThreats.get(f.location().file());
      if (peers != null && peers.contains(f) && !(VerdictModel.decisive(f) && !nameFlow(f)) && !corroborated(f, peers)) {
        aside.add(f);
        continue;
      }
      out.add(f);
    }
    return new Scoped(out, aside);
  }

  /**
   * A finding of a data-flow rule ({@code flow-*}, rules/common): the flow matcher follows
   * variable names across the whole file. A bundle concatenates many modules that reuse short
   * names, so there a flow is never decisive on its own; it needs a corroborating threat in the
   * same region like any other bundle threat.
   */
  static boolean nameFlow(Finding f) {
    return f.ruleId().startsWith("flow-");
  }

  /** Bundled by path, or minified: some finding in the same file sits on a very long line. */
  private static boolean bundleLike(Finding f, List<Finding> all) {
    if (pathClass(f.location().file()) == PathClass.BUNDLE) {
      return true;
    }
    String file = f.location().file();
    return all.stream().anyMatch(o -> o.location().file().equals(file)
        && o.location().column() > MINIFIED_COLUMN);
  }

  /** Another rule's threat (confidence not low) in the same code region of the same file. */
  private static boolean corroborated(Finding f, List<Finding> peers) {
    for (Finding o : peers) {
      if (!o.ruleId().equals(f.ruleId()) && o.confidence() != Confidence.LOW && sameRegion(f, o)) {
        return true;
      }
    }
    return false;
  }

  static boolean sameRegion(Finding a, Finding b) {
    int la = a.location().line();
    int lb = b.location().line();
    int ca = a.location().column();
    int cb = b.location().column();
    if (la == 0 || lb == 0) {
      // No position (a decoded payload as a whole, a virtual file): the file is one region only
      // when it is small enough to have no long lines.
      return la == lb && ca <= MINIFIED_COLUMN && cb <= MINIFIED_COLUMN;
    }
    if (la == lb) {
      return Math.abs(ca - cb) <= REGION_CHARS;
    }
    return Math.abs(la - lb) <= REGION_LINES && ca <= REGION_CHARS && cb <= REGION_CHARS;
  }

  /** The install hook's command names the file (by its shipped file name). */
  private static boolean namedByHook(Finding f, List<String> hookCommands) {
    String base = VerdictModel.shippedBaseName(origin(f.location().file()));
    return !base.isEmpty() && hookCommands.stream().anyMatch(c -> c.contains(base));
  }

  /**
   * The Python install- and import-time heuristics follow one import from setup.py or an
   * {@code __init__.py} into a sibling module; a finding they put there runs, wherever it is.
   */
  private static boolean followedImport(Finding f) {
    String id = f.ruleId();
    String base = VerdictModel.shippedBaseName(f.location().file());
    return (id.startsWith("py-install-time-") || id.startsWith("py-import-time-"))
        && !base.equals("setup.py") && !base.equals("__init__.py");
  }
}
