package dev.bulwark.analysis.flow;

import java.util.EnumSet;
import java.util.Set;

/** Classifies a call by its callee text into sink kinds. */
final class Sinks {
  enum Kind {
    NETWORK("network"), EVAL("eval"), PROCESS("process"), FILE_WRITE_EXEC("file-write-exec"),
    FILE_WRITE("file-write");

    final String ruleName;

    Kind(String ruleName) {
      this.ruleName = ruleName;
    }

    static Set<Kind> parse(Set<String> names) {
      Set<Kind> out = EnumSet.noneOf(Kind.class);
      for (Kind k : values()) {
        if (names.contains(k.ruleName)) {
          out.add(k);
        }
      }
      return out;
    }
  }

  private static final Set<String> NETWORK = Set.of("fetch", "request", "get", "post", "put", "patch",
      "send", "sendall", "sendto", "write", "end", "urlopen", "Request", "connect", "lookup", "resolve",
      "resolve4", "resolveTxt", "axios", "got", "WebSocket", "XMLHttpRequest", "sendBeacon", "emit",
      "create_connection", "gethostbyname", "getaddrinfo", "sendmail");
  private static final Set<String> NETWORK_BASES = Set.of("http", "https", "axios", "requests", "urllib",
      "httpx", "socket", "sock", "s", "client", "dns", "net", "tls", "req", "got", "fetch", "ws", "smtp",
      "session", "conn", "aiohttp", "navigator", "xhr");
  private static final Set<String> EVAL = Set.of("eval", "Function", "runInThisContext", "runInNewContext",
      "runInContext", "Script", "compileFunction", "exec", "execfile", "compile");
  private static final Set<String> PROCESS = Set.of("exec", "execSync", "spawn", "spawnSync", "execFile",
      "execFileSync", "fork", "system", "popen", "Popen", "run", "call", "check_call", "check_output",
      "getoutput", "getstatusoutput", "startfile", "execv", "execve", "execvp", "execl", "execlp", "spawnv");
  private static final Set<String> PROCESS_BASES = Set.of("child_process", "cp", "subprocess", "os", "pty",
      "shell", "proc", "childProcess", "execa", "Bun", "Deno", "commands");
  private static final Set<String> WRITE = Set.of("writeFileSync", "writeFile", "write", "write_bytes",
      "write_text", "createWriteStream", "appendFileSync", "appendFile");

  private Sinks() {}

  /** Whether a bare JavaScript call of this name counts as starting a process ({@code exec}, {@code spawn}). */
  static boolean bareProcessName(String name) {
    return PROCESS.contains(name) && !name.equals("run") && !name.equals("call");
  }

  /**
   * Whether code bound to a process name ({@code var exec = …}, {@code function exec(…) {…}}) may
   * be or call a child process function: it loads a module ({@code require}, {@code import}), names
   * {@code child_process} or {@code process}, reaches the global object, is computed by a constructor of code
   * or {@code eval} (a function that calls them is a code runner instead), or reads a member of a process-like object or of a loaded module ({@code cp.exec},
   * {@code child.execSync}, {@code m[k]}). Anything else, such as {@code uncurryThis(re.exec)},
   * is local code.
   */
  static boolean mayStartProcess(String code, Set<String> modules) {
    if (code.startsWith("function") || code.startsWith("async function")) {
      return functionMayStartProcess(code);
    }
    for (String marker : new String[] {"require", "import", "child_process", "process", "global", "window",
        "self", "eval", "Function", "Bun", "Deno"}) {
      if (code.contains(marker)) {
        return true;
      }
    }
    return readsMemberOf(code, id -> PROCESS_BASES.contains(id) || modules.contains(id));
  }

  /** Whether the code reads a member ({@code id.x}, {@code id[k]}) of a name the test accepts. */
  private static boolean readsMemberOf(String code, java.util.function.Predicate<String> base) {
    int n = code.length();
    for (int i = 0; i < n; i++) {
      if (!Character.isJavaIdentifierStart(code.charAt(i)) || i > 0 && Character.isJavaIdentifierPart(code.charAt(i - 1))) {
        continue;
      }
      int j = i + 1;
      while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
        j++;
      }
      if (j < n && (code.charAt(j) == '.' || code.charAt(j) == '[') && base.test(code.substring(i, j))) {
        return true;
      }
      i = j - 1;
    }
    return false;
  }

  /**
   * Whether a function bound to a process name ({@code function exec(s) {…}}) starts a process:
   * its body names {@code child_process} or a runtime's spawner, calls a child process function
   * as a member ({@code cp.execSync(…)}, {@code require(…).spawn(…)}), or loads a module whose
   * name it computes. A body that evaluates its argument ({@code eval}, {@code vm.runInThisContext})
   * is a code runner, as module loaders define their {@code exec}; that is a different sink.
   */
  private static boolean functionMayStartProcess(String code) {
    if (code.contains("child_process") || code.contains("Bun.spawn") || code.contains("Deno.run")
        || code.contains("Deno.Command")) {
      return true;
    }
    for (int i = code.indexOf("require("); i >= 0; i = code.indexOf("require(", i + 8)) {
      int j = i + 8;
      while (j < code.length() && Character.isWhitespace(code.charAt(j))) {
        j++;
      }
      if (j < code.length() && "'\"`".indexOf(code.charAt(j)) < 0) {
        return true; // require(name): which module is not written down
      }
    }
    if (readsMemberOf(code, PROCESS_BASES::contains)) {
      return true; // cp.execSync(…), childProcess[name](…)
    }
    for (int i = code.indexOf('.'); i >= 0; i = code.indexOf('.', i + 1)) {
      int j = i + 1;
      while (j < code.length() && Character.isJavaIdentifierPart(code.charAt(j))) {
        j++;
      }
      if (j < code.length() && code.charAt(j) == '(' && PROCESS.contains(code.substring(i + 1, j))
          && !code.startsWith("call", i + 1) && !code.startsWith("run(", i + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sink kinds of a callee such as {@code https.request}, {@code subprocess.Popen}, {@code eval}.
   * Python's exec/eval are code evaluation; a bare JS {@code exec} (destructured from
   * child_process) counts as both, which the caller narrows by language.
   */
  static Set<Kind> of(String callee, boolean python, boolean fileHasProcessOrChmod) {
    String c = callee.replace("?.", ".").replace("new ", "").trim();
    int dot = c.lastIndexOf('.');
    String name = dot < 0 ? c : c.substring(dot + 1);
    String base = dot < 0 ? "" : c.substring(0, c.indexOf('.'));
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    if (dot < 0 && (name.equals("fetch") || name.equals("axios") || name.equals("got") || name.equals("urlopen")
        || name.equals("WebSocket") || name.equals("XMLHttpRequest") || name.equals("request"))) {
      out.add(Kind.NETWORK);
    } else if (NETWORK.contains(name) && NETWORK_BASES.contains(base) || c.startsWith("urllib.request.")) {
      out.add(Kind.NETWORK);
    }
    if (EVAL.contains(name) && (dot < 0 || base.equals("vm") || base.equals("builtins"))) {
      if (!(name.equals("exec") && !python) && !(name.equals("compile") && !python)) {
        out.add(Kind.EVAL);
      }
    }
    if (PROCESS.contains(name) && (PROCESS_BASES.contains(base) || dot < 0 && !python && !name.equals("run")
        && !name.equals("call"))) {
      out.add(Kind.PROCESS);
    }
    if (WRITE.contains(name) && dot > 0 && !out.contains(Kind.NETWORK)) {
      out.add(Kind.FILE_WRITE);
      if (fileHasProcessOrChmod) {
        out.add(Kind.FILE_WRITE_EXEC);
      }
    }
    return out;
  }
}
