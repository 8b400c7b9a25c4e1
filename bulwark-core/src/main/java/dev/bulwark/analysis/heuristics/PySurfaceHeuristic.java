package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SharedParse;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.analysis.rules.Scope;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network use, started programs and hidden code run in the code that runs on {@code pip install}
 * (setup.py: its module level, the functions it calls and its command classes) or on
 * {@code import} (a package's {@code __init__.py} module level and what it calls). The same calls
 * inside functions that only users call are capabilities, which YAML rules report.
 */
final class PySurfaceHeuristic implements Heuristic {
  /** Where the code runs. */
  enum Surface { INSTALL, IMPORT }

  /**
   * Files larger than this are not parsed here (the YAML rules still see them). Droppers carry
   * megabytes of encoded payload in one string, which tree-sitter reads as one token.
   */
  static final int MAX_CHARS = 8 * 1024 * 1024;
  /** Work budget of one parse here (see Budget: tree-sitter progress callbacks), not a time. */
  static final long PARSE_WORK = dev.bulwark.analysis.EngineLimits.HEURISTIC_PARSE_WORK;

  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();
  /** The file last checked by {@link PyTriggers} on this thread, and the answer. */
  private static final ThreadLocal<Object[]> GATE = new ThreadLocal<>();
  /** The same for {@link PyTriggers#mayJudgeInValidCode}. */
  private static final ThreadLocal<Object[]> VALID_GATE = new ThreadLocal<>();

  private final Surface surface;
  private final PyBehaviour.Kind kind;
  private final RuleMeta meta;

  private PySurfaceHeuristic(Surface surface, PyBehaviour.Kind kind, RuleMeta meta) {
    this.surface = surface;
    this.kind = kind;
    this.meta = meta;
  }

  /** Network, programs and hidden code at install and at import time, and user-folder writes at install time. */
  static List<Heuristic> all() {
    return List.of(
        new PySurfaceHeuristic(Surface.INSTALL, PyBehaviour.Kind.NETWORK, Meta.of("py-install-time-network",
            "setup.py uses the network while the package installs", Severity.HIGH, Confidence.MEDIUM,
            Category.SUSPICIOUS_NETWORK, true,
            "setup.py contacts a server in code that runs during pip install.",
            "Code that pip runs while installing the package (setup.py's top level, functions it calls, or"
                + " a custom install command) downloads data, sends a request or looks up a host name.",
            "Installing a package should not talk to the internet from setup.py; attackers use this moment"
                + " to fetch a second stage or report the victim's machine before anyone has used the package.",
            "Do not install the package. If it was installed, check for new files and processes and rotate"
                + " credentials reachable from the machine.", "T1195.002", "T1071.001")),
        new PySurfaceHeuristic(Surface.INSTALL, PyBehaviour.Kind.PROCESS, Meta.of("py-install-time-process",
            "setup.py starts a program that a build does not need", Severity.HIGH, Confidence.MEDIUM,
            Category.CODE_EXECUTION, true,
            "setup.py starts a program during pip install that is not a build tool.",
            "Code that pip runs while installing the package starts a program that is not a compiler, build"
                + " system or version-control tool, or runs a command that downloads, hides itself or reads"
                + " system secrets.",
            "Builds run compilers and git; attackers use install time to start their own programs, shells"
                + " and downloaders on the machine that installs the package.",
            "Read what the command runs. Do not install the package unless the program is part of an honest"
                + " build; prefer a wheel, which runs no setup.py.", "T1195.002", "T1059")),
        new PySurfaceHeuristic(Surface.INSTALL, PyBehaviour.Kind.OPAQUE_EXEC, Meta.of("py-install-time-hidden-code",
            "setup.py runs hidden code while the package installs", Severity.HIGH, Confidence.HIGH,
            Category.CODE_EXECUTION, true,
            "setup.py executes decoded, downloaded or encrypted code during pip install.",
            "Code that pip runs while installing the package passes data that was decoded, decompressed,"
                + " unmarshalled, downloaded or written as escapes to exec/eval, or hands it to an encrypted"
                + " loader, so the code that really runs cannot be read in the package.",
            "Honest packages have no reason to hide what setup.py does; hiding code that runs at install"
                + " time is how malicious packages slip past review.",
            "Do not install the package. If it was installed, treat the machine as compromised.",
            "T1027", "T1059.006")),
        new PySurfaceHeuristic(Surface.INSTALL, PyBehaviour.Kind.USER_FILE_WRITE, Meta.of("py-install-time-user-files",
            "setup.py writes into the user's home or system folders while the package installs", Severity.HIGH,
            Confidence.MEDIUM, Category.PERSISTENCE, true,
            "setup.py writes files into the user's profile, desktop, start-up or system folders during pip install.",
            "Code that pip runs while installing the package opens files for writing (or copies files) under the"
                + " user's home or profile folder (AppData, Desktop, Start Menu, shell start-up files) or /etc.",
            "A build writes only inside its own build folders; attackers drop payloads, browser extensions and"
                + " start-up entries into the user's folders at install time so they survive and run later.",
            "Do not install the package. If it was installed, look for the files it wrote and remove them.",
            "T1195.002", "T1547")),
        new PySurfaceHeuristic(Surface.INSTALL, PyBehaviour.Kind.PINNED_FETCH, Meta.of("py-install-time-pinned-download",
            "setup.py downloads files, checked against a pinned digest, while the package installs", Severity.MEDIUM,
            Confidence.MEDIUM, Category.SUSPICIOUS_NETWORK, true,
            "setup.py downloads a file during pip install and checks it against a digest written in the code.",
            "Code that pip runs while installing the package (setup.py's top level, functions it calls, or a"
                + " custom build or install command) downloads a file, and the same file compares a computed"
                + " digest with a hash written in it, as build scripts fetching a library's sources do.",
            "An install that reaches the internet can still be told where and when it ran, and the pinned"
                + " hash only proves that the download is the one the author chose; it is weaker evidence"
                + " than an unchecked download, not none.",
            "Read what is downloaded and from where before installing; prefer a wheel that needs no download.",
            "T1195.002", "T1071.001")),
        new PySurfaceHeuristic(Surface.IMPORT, PyBehaviour.Kind.NETWORK, Meta.of("py-import-time-network",
            "__init__.py uses the network as soon as the package is imported", Severity.HIGH, Confidence.MEDIUM,
            Category.SUSPICIOUS_NETWORK, true,
            "The package's __init__.py contacts a server in code that runs on import.",
            "Top-level code of the package's __init__.py (or a function it calls right away) sends a request,"
                + " downloads data or looks up a host name whenever the package is imported.",
            "Libraries wait for their caller before touching the network; malware beacons or fetches its"
                + " next stage from import-time code so it runs in every program that imports the package.",
            "Read the top of __init__.py. Remove the package if the network call is not explained.",
            "T1195.002", "T1071.001")),
        new PySurfaceHeuristic(Surface.IMPORT, PyBehaviour.Kind.PROCESS, Meta.of("py-import-time-process",
            "__init__.py starts a program as soon as the package is imported", Severity.HIGH, Confidence.MEDIUM,
            Category.CODE_EXECUTION, true,
            "The package's __init__.py starts an unusual program in code that runs on import.",
            "Top-level code of the package's __init__.py (or a function it calls right away) starts a program"
                + " that is not a common system probe or build tool, or runs a command that downloads, hides"
                + " itself or reads system secrets.",
            "Starting programs on import makes the payload run in every program that imports the package.",
            "Read the top of __init__.py. Remove the package if the command is not explained.",
            "T1195.002", "T1059")),
        new PySurfaceHeuristic(Surface.IMPORT, PyBehaviour.Kind.OPAQUE_EXEC, Meta.of("py-import-time-hidden-code",
            "__init__.py runs hidden code as soon as the package is imported", Severity.HIGH, Confidence.HIGH,
            Category.CODE_EXECUTION, true,
            "The package's __init__.py executes decoded, downloaded or encrypted code on import.",
            "Top-level code of the package's __init__.py passes decoded, decompressed, unmarshalled,"
                + " downloaded or escaped data to exec/eval, or hands it to an encrypted loader, whenever the"
                + " package is imported.",
            "Hiding the code that runs on import keeps reviewers and scanners from seeing the payload.",
            "Treat the package as hostile; decode the data offline if you need to know what it does.",
            "T1027", "T1059.006")));
  }

  @Override
  public String name() {
    return meta.id();
  }

  @Override
  public RuleMeta meta() {
    return meta;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    try (SharedParse parses = new SharedParse()) {
      return find(f, pkg, params, parses);
    }
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params, SharedParse parses) {
    if (!python(f)) {
      return List.of();
    }
    // the engine reports one finding per rule and file: the first hit
    return judged(f, pkg, parses).stream().filter(x -> x.kind() == kind).limit(1)
        .map(x -> new Hit(x.start(), x.end(), x.detail())).toList();
  }

  private static boolean python(ScanFile f) {
    return f.language() == Language.PYTHON && f.scope() == Scope.CODE && !f.path().contains("#")
        && !f.path().contains("!decoded/") && f.text().length() <= MAX_CHARS;
  }

  /** setup.py for install time, __init__.py for import time: the files that run themselves. */
  private boolean direct(ScanFile f) {
    String base = f.path().substring(f.path().lastIndexOf('/') + 1);
    return base.equals(surface == Surface.INSTALL ? "setup.py" : "__init__.py");
  }

  /** The judged calls of a file, computed once per file and thread for all six heuristics. */
  private List<PyBehaviour.Found> judged(ScanFile f, PackageView pkg, SharedParse parses) {
    Object[] last = LAST.get();
    if (last != null && last[0] == f && last[1] == surface && last[3] == pkg) {
      @SuppressWarnings("unchecked")
      List<PyBehaviour.Found> cached = (List<PyBehaviour.Found>) last[2];
      return cached;
    }
    List<PyBehaviour.Found> found = List.of();
    boolean install = surface == Surface.INSTALL;
    // text that names none of the judged calls is judged empty without a parse (PyTriggers)
    Optional<PyImportFollow.Via> via = direct(f) || f.path().endsWith("/setup.py") || !mayJudge(f)
        ? Optional.empty() : PyImportFollow.of(f.path(), pkg, install, PARSE_WORK);
    if (direct(f) && mayJudge(f) || via.isPresent()) {
      // the file's own parse, shared with the rules (the tree belongs to `parses`)
      Optional<SyntaxTree> tree = parses.parse(Language.PYTHON, f.text(), Budget.of(PARSE_WORK, dev.bulwark.analysis.EngineLimits.DEFAULT.lastResortMillis()));
      if (tree.isPresent() && via.isPresent() && !tree.get().root().hasError() && !mayJudgeInValidCode(f)) {
        // a followed module whose only judged callee parts are the names its definitions bind
        // (`def eval(cls, x):`), parsed without error: those names are no callees, nothing is judged
        found = List.of();
      } else if (tree.isPresent()) {
        SyntaxTree t = tree.get();
        PySurface s = via.isEmpty() ? PySurface.of(t, install)
            : PySurface.of(t, via.get().asMain(), via.get().entries(), via.get().allMethods(), true);
        if (via.isEmpty()) {
          // setup.py or __init__.py: what the import follow needs of it as an importer is this surface
          PyImportFollow.remember(pkg, f.path(), install, f.text(), s);
        }
        found = via.isEmpty() ? List.copyOf(PyBehaviour.judge(s)) : reached(PyBehaviour.judge(s), via.get());
      }
    }
    LAST.set(new Object[] {f, surface, found, pkg});
    return found;
  }

  /** {@link PyTriggers#mayJudge}, once per file for both surfaces. */
  private static boolean mayJudge(ScanFile f) {
    return once(GATE, f, PyTriggers::mayJudge);
  }

  /** {@link PyTriggers#mayJudgeInValidCode}, once per file for both surfaces. */
  private static boolean mayJudgeInValidCode(ScanFile f) {
    return once(VALID_GATE, f, PyTriggers::mayJudgeInValidCode);
  }

  /** A pre-check of the file's text, kept for the last file this thread asked about. */
  private static boolean once(ThreadLocal<Object[]> memo, ScanFile f, java.util.function.Predicate<String> check) {
    Object[] last = memo.get();
    if (last != null && last[0] == f) {
      return (Boolean) last[1];
    }
    boolean may = check.test(f.text());
    memo.set(new Object[] {f, may});
    return may;
  }

  /** Says how a followed module's behaviour comes to run. */
  private List<PyBehaviour.Found> reached(List<PyBehaviour.Found> found, PyImportFollow.Via via) {
    String when = surface == Surface.INSTALL ? "install" : "import";
    String how = " (runs at " + when + " time: " + via.importer() + (via.asMain() ? " runs it as a program: `" : " does `")
        + via.statement() + "`)";
    // a library module that merely creates a socket (to probe IPv6, to serve) contacts nobody; the
    // direct setup.py/__init__.py judgement keeps counting it, a followed module needs more
    return found.stream().filter(x -> !(x.kind() == PyBehaviour.Kind.NETWORK && x.detail().startsWith("socket.socket")))
        .map(x -> new PyBehaviour.Found(x.kind(), x.start(), x.end(), x.detail() + how)).toList();
  }
}
