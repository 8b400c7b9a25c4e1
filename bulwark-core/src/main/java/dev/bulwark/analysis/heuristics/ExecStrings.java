package dev.bulwark.analysis.heuristics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shell programs inside code: the command string given to child_process.exec/execSync,
 * spawn('sh', ['-c', …]), shelljs/execa, os.system, os.popen or subprocess with shell=True,
 * rebuilt as shell text. String literals keep their text; any other part of the expression
 * (a variable, a call, a template's {@code ${…}}) becomes a placeholder variable, named
 * {@code $HOSTNAME_JS} when the expression reads the machine's identity (host name, user, folder),
 * so that the shell judgement sees it as host details. Hand-written: it reads only the first
 * argument's literals, with bounds, and never evaluates anything.
 */
final class ExecStrings {
  /** A command string and where its call starts in the file. */
  record Command(int start, int end, String shell) {}

  static final int MAX_CALLS = 64;
  static final int MAX_ARG_CHARS = 4_096;
  private static final String[] JS_CALLS = {"exec(", "execSync(", "spawn(", "spawnSync(", "execa(", "execaSync(",
      "execaCommand(", "execaCommandSync(", "execFile(", "execFileSync("};
  private static final String[] PY_CALLS = {"os.system(", "os.popen(", "subprocess.run(", "subprocess.call(",
      "subprocess.Popen(", "subprocess.check_output(", "subprocess.check_call(", "subprocess.getoutput(",
      "subprocess.getstatusoutput(", "commands.getoutput("};
  private static final Set<String> SHELLS = Set.of("sh", "/bin/sh", "bash", "/bin/bash", "zsh", "/bin/zsh",
      "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "/usr/bin/env");
  private static final String[] IDENTITY = {"hostname", "userinfo", "username", "whoami", "cwd", "homedir",
      "networkinterfaces", "getservers", "env.user", "env.home", "env.pwd", "env.computername", "getuser",
      "gethostname", "getlogin", "gethostbyname", "uname", "node()", "getcwd", "expanduser"};

  /** The pre-checks of both languages, from the pass deobfuscation makes over the same text. */
  private static final dev.bulwark.analysis.TextGates GATES = dev.bulwark.analysis.TextGates.CODE;

  private ExecStrings() {}

  /** The shell commands of a JavaScript/TypeScript file (cheap when it never starts processes). */
  static List<Command> javascript(String text) {
    if (!GATES.contains(text, "child_process") && !GATES.contains(text, "shelljs") && !GATES.contains(text, "execa")) {
      return List.of();
    }
    return find(text, JS_CALLS, false);
  }

  /** The shell commands of a Python file. */
  static List<Command> python(String text) {
    if (!GATES.contains(text, "os.") && !GATES.contains(text, "subprocess") && !GATES.contains(text, "commands.")) {
      return List.of();
    }
    return find(text, PY_CALLS, true);
  }

  private static List<Command> find(String text, String[] calls, boolean python) {
    List<Command> out = new ArrayList<>();
    for (String call : calls) {
      int from = 0;
      while (out.size() < MAX_CALLS) {
        int at = text.indexOf(call, from);
        if (at < 0) {
          break;
        }
        from = at + call.length();
        if (at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1)) && !call.contains(".")) {
          continue;
        }
        int open = at + call.length() - 1;
        List<String> args = args(text, open, python);
        if (args.isEmpty()) {
          continue;
        }
        String shell = shellText(call, args, python);
        if (!shell.isBlank()) {
          out.add(new Command(at, Math.min(text.length(), open + 1), shell));
        }
      }
    }
    return out;
  }

  /** Rebuilds the command: the first argument, or for spawn(shell, [...]) the script after -c. */
  private static String shellText(String call, List<String> args, boolean python) {
    String first = args.get(0);
    if (!hasLiteral(first)) {
      return "";
    }
    boolean spawnLike = call.startsWith("spawn") || call.startsWith("execFile") || call.startsWith("execa(")
        || call.startsWith("execaSync(");
    if (python) {
      boolean shellTrue = args.stream().anyMatch(a -> a.replace(" ", "").equals("shell=True"));
      boolean always = call.startsWith("os.") || call.contains("getoutput") || call.contains("getstatusoutput");
      return always || shellTrue ? literalText(first) : "";
    }
    if (!spawnLike) {
      return literalText(first);
    }
    String prog = literalText(first).trim();
    List<String> list = args.size() > 1 ? arrayItems(args.get(1)) : List.of();
    if (SHELLS.contains(prog.toLowerCase(Locale.ROOT))) {
      for (int i = 0; i + 1 < list.size(); i++) {
        String flag = literalText(list.get(i)).trim().toLowerCase(Locale.ROOT);
        if (flag.equals("-c") || flag.equals("/c") || flag.equals("-command") || flag.equals("-lc")) {
          return literalText(list.get(i + 1));
        }
      }
    }
    StringBuilder b = new StringBuilder(quote(prog));
    for (String item : list) {
      b.append(' ').append(quote(literalText(item)));
    }
    return b.toString();
  }

  private static String quote(String s) {
    if (!s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@%+,".indexOf(c) >= 0)) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean hasLiteral(String expr) {
    return expr.indexOf('"') >= 0 || expr.indexOf('\'') >= 0 || expr.indexOf('`') >= 0;
  }

  /** The top-level arguments of the call whose '(' is at {@code open}, as source text. */
  static List<String> args(String text, int open, boolean python) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    int limit = Math.min(text.length(), open + MAX_ARG_CHARS);
    for (int i = open + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(text, i, limit);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          out.add(text.substring(start, i).trim());
          return out;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    return List.of();
  }

  private static int skipString(String text, int at, int limit) {
    char q = text.charAt(at);
    boolean triple = q != '`' && at + 2 < limit && text.charAt(at + 1) == q && text.charAt(at + 2) == q;
    int i = triple ? at + 3 : at + 1;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == q && (!triple || i + 2 < limit && text.charAt(i + 1) == q && text.charAt(i + 2) == q)) {
        return triple ? i + 2 : i;
      }
      if (c == '\n' && q != '`' && !triple) {
        return i;
      }
      i++;
    }
    return limit - 1;
  }

  private static List<String> arrayItems(String expr) {
    String e = expr.trim();
    if (!e.startsWith("[")) {
      return List.of();
    }
    List<String> items = args("(" + e.substring(1, e.endsWith("]") ? e.length() - 1 : e.length()) + ")", 0, false);
    return items;
  }

  /**
   * The text of an expression made of string literals joined by {@code +} (or a template): the
   * literals' content, with a placeholder for every other part.
   */
  static String literalText(String expr) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    int n = expr.length();
    StringBuilder other = new StringBuilder();
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        String prefix = other.toString().trim().toLowerCase(Locale.ROOT);
        boolean fstring = prefix.equals("f") || prefix.equals("rf") || prefix.equals("fr");
        flush(other, b);
        // Python string prefixes (f, r, b) were collected as "other"; dropped by flush
        int end = skipString(expr, i, n);
        boolean triple = c != '`' && i + 2 < n && expr.charAt(i + 1) == c && expr.charAt(i + 2) == c;
        int from = triple ? i + 3 : i + 1;
        int to = triple ? Math.max(from, end - 2) : Math.max(from, Math.min(end, n));
        content(expr.substring(from, Math.min(to, n)), c == '`', fstring, b);
        i = end + 1;
        continue;
      }
      if (c == '+' || Character.isWhitespace(c) || c == '%') {
        flush(other, b);
        i++;
        continue;
      }
      other.append(c);
      i++;
    }
    flush(other, b);
    return b.toString();
  }

  private static void flush(StringBuilder other, StringBuilder b) {
    String o = other.toString().trim();
    other.setLength(0);
    if (o.isEmpty() || o.equals("f") || o.equals("r") || o.equals("b") || o.equals("rf") || o.equals("fr")) {
      return;
    }
    b.append(placeholder(o));
  }

  private static String placeholder(String expr) {
    String low = expr.toLowerCase(Locale.ROOT);
    for (String id : IDENTITY) {
      if (low.contains(id)) {
        return "${HOSTNAME_JS}";
      }
    }
    return "${V}";
  }

  /** A literal's content: escapes undone (the common ones), template/f-string holes as placeholders. */
  private static void content(String s, boolean template, boolean fstring, StringBuilder b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(++i);
        b.append(switch (d) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> d;
        });
      } else if (template && c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i);
        if (close < 0) {
          break;
        }
        b.append(placeholder(s.substring(i + 2, close)));
        i = close;
      } else if (fstring && c == '{' && i + 1 < s.length() && s.charAt(i + 1) != '{') {
        int close = s.indexOf('}', i);
        if (close < 0) {
          break;
        }
        b.append(placeholder(s.substring(i + 1, close)));
        i = close;
      } else {
        b.append(c);
      }
    }
  }
}
