package dev.bulwark.analysis.heuristics;

import dev.bulwark.model.NpmLifecycle;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.heuristics.NpmHooks.Hooks;
import dev.bulwark.analysis.heuristics.NpmHooks.Run;
import dev.bulwark.analysis.heuristics.NpmHooks.Runner;
import dev.bulwark.analysis.heuristics.ShellJudge.Found;
import dev.bulwark.analysis.heuristics.ShellJudge.Kind;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.Scope;
import dev.bulwark.model.Ecosystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a file's code runs and what it does there: npm install scripts and the files they run
 * (install time), the main module's load-time code (import time), and shell programs handed to a
 * shell from code anywhere. Computes one list of behaviours per file, shared by the heuristics
 * in {@link RunSurfaceHeuristic}.
 */
final class RunSurface {
  /** A behaviour, with the plain description of where it runs from. */
  record Behaviour(Kind kind, boolean recon, int start, int end, String detail) {}

  private static final String[] IDENTITY = {"hostname(", "userInfo(", "networkInterfaces(", "getServers(",
      "stringify(process.env", "entries(process.env", "keys(process.env", "whoami"};
  private static final String[] SEND = {"http.request(", "https.request(", "http.get(", "https.get(", "fetch(",
      "axios", "dns.lookup(", "dns.resolve", ".resolve4(", ".resolve6(", ".resolveTxt(", ".resolveCname(", "net.connect(",
      "createConnection(", "net.Socket(", "dgram", "XMLHttpRequest", "needle(", "got(", "got.post(", "WebSocket(",
      "request.post(", "request(", "superagent", "nslookup ", "curl "};

  private static final String[] RUN_CODE = {"eval(", "new Function(", "runInThisContext(", "runInNewContext(",
      "._compile(", "vm.Script("};

  private RunSurface() {}

  static List<Behaviour> of(ScanFile f, PackageView pkg) {
    String path = f.path();
    int hash = path.indexOf('#');
    List<Behaviour> out = new ArrayList<>();
    if (hash >= 0) {
      // npm lifecycle scripts: package.json#scripts.postinstall
      int s = path.indexOf("package.json#scripts.");
      if (s < 0 || !NpmLifecycle.isInstallScriptPath(path)) {
        return out;
      }
      String where = "install script `" + path.substring(s + "package.json#scripts.".length()) + "`";
      for (Found x : ShellJudge.judge(f.text(), true)) {
        out.add(new Behaviour(x.kind(), false, x.start(), x.end(), x.detail() + ", in the " + where));
      }
      inlineNode(f.text(), where, out);
      return out;
    }
    boolean npm = pkg.ecosystem().map(e -> e == Ecosystem.NPM).orElse(true);
    String origin = path.contains("!decoded/") ? path.substring(0, path.indexOf("!decoded/")) : path;
    Hooks hooks = npm ? NpmHooks.of(origin, pkg) : Hooks.NONE;
    Optional<Run> run = hooks.run(origin);
    if (run.isPresent() && f.scope() == Scope.CODE) {
      String where = "runs at install time: the `" + run.get().script() + "` script does `" + shortCmd(run.get().command()) + "`";
      if (run.get().runner() == Runner.SHELL || f.language() == Language.BASH && run.get().runner() != Runner.NODE) {
        for (Found x : ShellJudge.judge(f.text(), true)) {
          out.add(new Behaviour(x.kind(), false, x.start(), x.end(), x.detail() + " (" + where + ")"));
        }
        return out;
      }
      if (run.get().runner() == Runner.NODE) {
        code(f.text(), true, Optional.empty(), where, false, out);
        Comments comments = new Comments(f.text(), ContentType.JAVASCRIPT);
        recon(f.text(), comments, Optional.empty(), where, out);
        fetchRun(f.text(), comments, Optional.empty(), where, out);
        return out;
      }
    }
    if (f.language() == Language.JAVASCRIPT || f.language() == Language.TYPESCRIPT) {
      boolean install = run.isPresent();
      boolean main = npm && f.scope() == Scope.CODE && hooks.isMain(origin);
      Optional<JsTopLevel.Ranges> top = Optional.empty();
      // parse only when both halves of a judgement occur in the text: the parse shares the file's
      // time budget with deobfuscation, and obfuscated files hide these names anyway
      if (main && any(f.text(), SEND) && (any(f.text(), IDENTITY) || any(f.text(), RUN_CODE))) {
        top = JsTopLevel.of(f.text(), f.language());
        String where = "runs as soon as the package is loaded: module-level code of its main file";
        Comments comments = new Comments(f.text(), f.type());
        top.ifPresent(r -> {
          recon(f.text(), comments, Optional.of(r), where, out);
          fetchRun(f.text(), comments, Optional.of(r), where, out);
        });
      }
      code(f.text(), install, top, install ? "runs at install time" : "", false, out);
    } else if (f.language() == Language.PYTHON) {
      String base = origin.substring(origin.lastIndexOf('/') + 1);
      boolean install = base.equals("setup.py");
      code(f.text(), install, Optional.empty(), install ? "runs at install time: setup.py" : "", true, out);
    } else if (f.language() == Language.BASH && f.scope() == Scope.CODE) {
      List<Found> found = ShellJudge.judge(f.text(), false);
      // a script a Dockerfile of the package runs (hardening, entrypoints) deletes inside the image it builds
      if (found.stream().anyMatch(x -> x.kind() == Kind.DESTRUCTIVE) && ContainerScripts.runByDockerfile(origin, pkg)) {
        found = found.stream().filter(x -> x.kind() != Kind.DESTRUCTIVE).toList();
      }
      for (Found x : found) {
        out.add(new Behaviour(x.kind(), false, x.start(), x.end(), x.detail()));
      }
    }
    return out;
  }

  private static String shortCmd(String c) {
    String t = c.replace('\n', ' ').trim();
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }

  /** Shell commands given to exec/system in code; all kinds when the code runs by itself. */
  private static void code(String text, boolean install, Optional<JsTopLevel.Ranges> top, String where,
      boolean python, List<Behaviour> out) {
    List<ExecStrings.Command> cmds = python ? ExecStrings.python(text) : ExecStrings.javascript(text);
    for (ExecStrings.Command c : cmds) {
      boolean runsNow = install || top.map(r -> r.contains(c.start())).orElse(false);
      String w = install ? where : runsNow ? "runs as soon as the package is loaded" : "";
      for (Found x : ShellJudge.judge(c.shell(), runsNow)) {
        out.add(new Behaviour(x.kind(), false, c.start(), c.end(),
            x.detail() + ", in a command this code hands to a shell" + (w.isEmpty() ? "" : " (" + w + ")")));
      }
    }
  }

  /** {@code node -e '…'} in an install script: the inline code runs at install time. */
  private static void inlineNode(String script, String where, List<Behaviour> out) {
    ShellCommands.parse(script).ifPresent(p -> {
      for (ShellCommands.Cmd c : p.commands()) {
        if (!c.name().equals("node") && !c.name().equals("nodejs")) {
          continue;
        }
        int i = c.args().indexOf("-e");
        if (i < 0) {
          i = c.args().indexOf("--eval");
        }
        if (i >= 0 && i + 1 < c.args().size()) {
          List<Behaviour> inner = new ArrayList<>();
          String code = c.args().get(i + 1);
          code(code, true, Optional.empty(), "inline code of the " + where, false, inner);
          recon(code, new Comments(code, ContentType.JAVASCRIPT), Optional.empty(), "inline code of the " + where, inner);
          inner.forEach(b -> out.add(new Behaviour(b.kind(), b.recon(), c.start(), c.end(), b.detail())));
        }
      }
    });
  }

  /** Code that runs by itself reads the machine's identity and sends something out. */
  private static void recon(String text, Comments comments, Optional<JsTopLevel.Ranges> only, String where,
      List<Behaviour> out) {
    if (!any(text, SEND)) {
      return; // nothing is sent; also keeps the identity search below off files that cannot match
    }
    int idAt = -1;
    String idTok = "";
    for (String tok : IDENTITY) {
      int at = firstSent(text, tok, comments, only);
      if (at >= 0 && (idAt < 0 || at < idAt)) {
        idAt = at;
        idTok = tok;
      }
    }
    if (idAt < 0) {
      return;
    }
    for (String tok : SEND) {
      int at = first(text, tok, comments, only);
      if (at >= 0) {
        out.add(new Behaviour(Kind.HOST_BEACON, true, idAt, idAt + idTok.length(),
            "reads `" + idTok.replace("(", "") + "` and sends data with `" + tok.replace("(", "").trim() + "` (" + where + ")"));
        return;
      }
    }
  }

  /**
   * The first read of an identity token that can reach a message: a read whose value only names a
   * local file ({@code const u = os.userInfo().username} used only in {@code path.join(os.tmpdir(),
   * `x-${u}.log`)}, as per-user lock and history files are named) is skipped (fp, deep npm set: an
   * install-time telemetry client names its history file after the user and sends only platform
   * and architecture).
   */
  private static int firstSent(String text, String tok, Comments comments, Optional<JsTopLevel.Ranges> only) {
    int from = 0;
    for (int n = 0; n < 16; n++) {
      int at = first(text, tok, comments, only, from);
      if (at < 0) {
        return -1;
      }
      from = at + tok.length();
      if (!namesLocalFile(text, at)) {
        return at;
      }
    }
    return -1;
  }

  private static final String[] PATH_BUILD = {"path.join(", "path.resolve(", "tmpdir()", "homedir()"};

  /** The read at {@code at} is bound to a name, or used in place, only to build a file path. */
  static boolean namesLocalFile(String text, int at) {
    String line = lineAt(text, at);
    if (pathLine(line)) {
      return true;
    }
    // `const NAME = <read>` (optionally followed by a property), then every use of NAME builds a path
    int start = text.lastIndexOf('\n', at) + 1;
    if (at - start > MAX_LINE) {
      return false;
    }
    String head = text.substring(start, at);
    int cut = head.length();
    while (cut > 0 && (Character.isJavaIdentifierPart(head.charAt(cut - 1)) || head.charAt(cut - 1) == '.')) {
      cut--; // the receiver: `os.` of `os.userInfo()`
    }
    head = head.substring(0, cut).strip();
    String name = "";
    for (String kw : new String[] {"const ", "let ", "var "}) {
      if (head.startsWith(kw) && head.endsWith("=")) {
        name = head.substring(kw.length(), head.length() - 1).strip();
      }
    }
    if (name.isEmpty() || !name.chars().allMatch(Character::isJavaIdentifierPart)) {
      return false;
    }
    int end = text.indexOf('\n', at);
    int uses = 0;
    int seen = 0;
    for (int i = text.indexOf(name, end < 0 ? text.length() : end); i >= 0; i = text.indexOf(name, i + name.length())) {
      if (++seen > 256 || uses >= 32) {
        return false; // too common a name to follow: count the read as sent
      }
      boolean word = (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))
          && (i + name.length() >= text.length() || !Character.isJavaIdentifierPart(text.charAt(i + name.length())));
      if (!word) {
        continue;
      }
      uses++;
      if (!pathLine(lineAt(text, i))) {
        return false;
      }
    }
    return uses > 0;
  }

  private static boolean pathLine(String line) {
    if (any(line, SEND)) {
      return false;
    }
    for (String p : PATH_BUILD) {
      if (line.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** The line around {@code at}; empty (no path line) when longer than a hand-written line is. */
  private static String lineAt(String text, int at) {
    int s = text.lastIndexOf('\n', at) + 1;
    int e = text.indexOf('\n', at);
    int end = e < 0 ? text.length() : e;
    return end - s > MAX_LINE ? "" : text.substring(s, end);
  }

  private static final int MAX_LINE = 2_000;

  /** Code that runs by itself fetches something and runs code built at run time. */
  private static void fetchRun(String text, Comments comments, Optional<JsTopLevel.Ranges> only, String where,
      List<Behaviour> out) {
    for (String run : RUN_CODE) {
      int at = first(text, run, comments, only);
      if (at < 0 || run.equals("eval(") && at > 0 && (Character.isJavaIdentifierPart(text.charAt(at - 1)) || text.charAt(at - 1) == '.')) {
        continue;
      }
      for (String tok : SEND) {
        if (tok.startsWith("dns") || tok.startsWith(".resolve") || tok.equals("nslookup ")) {
          continue;
        }
        int sendAt = first(text, tok, comments, only);
        if (sendAt >= 0 && Math.abs(sendAt - at) < 4_000) {
          out.add(new Behaviour(Kind.DOWNLOAD_RUN, false, at, at + run.length(),
              "receives data with `" + tok.replace("(", "").trim() + "` and runs code with `" + run.replace("(", "").trim()
                  + "` (" + where + ")"));
          return;
        }
      }
    }
  }

  private static boolean any(String text, String[] toks) {
    for (String t : toks) {
      if (text.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first use of {@code tok} in code (within {@code only} when given): not in a comment, and
   * for a bare name, not an object key ({@code XMLHttpRequest: false} in a linter's globals list
   * names the API, it does not use it).
   */
  private static int first(String text, String tok, Comments comments, Optional<JsTopLevel.Ranges> only) {
    return first(text, tok, comments, only, 0);
  }

  private static int first(String text, String tok, Comments comments, Optional<JsTopLevel.Ranges> only, int start) {
    int from = start;
    for (int n = 0; n < 256; n++) {
      int at = text.indexOf(tok, from);
      if (at < 0) {
        return -1;
      }
      from = at + tok.length();
      if ((only.isEmpty() || only.get().contains(at)) && !comments.contains(at) && !objectKey(text, tok, from)) {
        return at;
      }
    }
    return -1;
  }

  private static boolean objectKey(String text, String tok, int end) {
    if (tok.endsWith("(") || tok.endsWith(" ")) {
      return false;
    }
    int i = end;
    if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
      i++;
    }
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':';
  }

}
