package dev.bulwark.analysis.heuristics;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.analysis.heuristics.ShellCommands.Cmd;
import dev.bulwark.analysis.heuristics.ShellCommands.Program;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges what a shell program does, command by command: reverse shells, download-and-run,
 * Windows system programs used as launchers, destruction of the user's files, beacons that carry
 * host details, and daemonised processes. The same judgement serves npm lifecycle scripts, the
 * shell scripts they run and command strings that code hands to a shell (exec, os.system).
 */
final class ShellJudge {
  /** What a command does. */
  enum Kind { REVERSE_SHELL, DOWNLOAD_RUN, WINDOWS_LAUNCHER, DESTRUCTIVE, HOST_BEACON, DAEMON }

  /** One judged command: offsets into the judged text and a plain description. */
  record Found(Kind kind, int start, int end, String detail) {}

  static final int MAX_NESTING = 3;

  private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "iwr", "invoke-webrequest", "irm",
      "invoke-restmethod", "fetch", "lwp-download", "aria2c");
  private static final Set<String> NET = Set.of("curl", "wget", "nc", "ncat", "netcat", "nslookup", "dig", "host",
      "ping", "telnet", "socat", "iwr", "invoke-webrequest", "irm", "invoke-restmethod", "ftp", "tftp", "scp",
      "openssl");
  private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish",
      "python", "python2", "python3", "node", "nodejs", "perl", "ruby", "php", "pwsh", "powershell", "iex",
      "invoke-expression", "lua", "osascript", "deno", "bun", "source", ".", "eval", "cmd");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish");
  private static final Set<String> CODE_RUNNERS = Set.of("node", "nodejs", "python", "python2", "python3",
      "sh", "bash", "zsh", "dash", "perl", "ruby", "php", "deno", "bun", "pwsh", "powershell");
  private static final Set<String> IDENTITY_CMDS = Set.of("hostname", "whoami", "id", "pwd", "env", "printenv",
      "ifconfig", "ipconfig", "systeminfo", "set");
  private static final Pattern IDENTITY_SUBST = Pattern.compile(
      "(?i)(?:\\$\\(|`)\\s*\\(?\\s*(?:hostname|whoami|id|pwd|env|printenv|ifconfig|ipconfig|systeminfo|uname\\s+-[a-z]*[an]"
          + "|ip\\s+a|cat\\s+/etc/(?:passwd|hostname|hosts|shadow)|curl\\s+[^)`]*(?:ifconfig|ipinfo|icanhazip|ipify)"
          + "|ls\\s)");
  private static final Pattern IDENTITY_VAR = Pattern.compile(
      "\\$\\{?(?:HOSTNAME|USER|USERNAME|LOGNAME|HOME|PWD|COMPUTERNAME|USERDOMAIN|USERPROFILE|HOSTNAME_JS)\\b"
          + "|%(?:USERNAME|COMPUTERNAME|USERDOMAIN|USERPROFILE)%");
  private static final Pattern SECRET_FILE = Pattern.compile(
      "(?i)(?:/etc/(?:passwd|shadow)|\\.ssh/|\\.npmrc|\\.aws/|\\.bash_history|\\.git-credentials|\\.docker/config"
          + "|\\.kube/config|\\.netrc|\\.env\\b)");
  private static final Pattern SUBST_DOWNLOAD = Pattern.compile("(?:\\$\\(|<\\(|`)\\s*(?:curl|wget)\\b");
  private static final Pattern PS_DOWNLOAD = Pattern.compile(
      "(?i)(?:downloadstring|downloadfile|downloaddata|invoke-webrequest|invoke-restmethod|\\biwr\\b|\\birm\\b"
          + "|net\\.webclient|start-bitstransfer|system\\.net\\.http)");
  private static final Pattern PS_HIDDEN = Pattern.compile(
      "(?i)(?:^|\\s)-(?:e|ec|enc|encodedcommand|encoded)(?:\\s|$)|-w(?:indowstyle)?\\s+h(?:idden)?\\b|\\biex\\b"
          + "|invoke-expression|frombase64string");
  private static final Pattern SCRIPT_SOCKET = Pattern.compile(
      "(?is)socket.{0,400}(?:dup2|pty\\.spawn|/bin/(?:ba)?sh|subprocess|cmd\\.exe|child_process|spawn\\s*\\(|exec\\s*\\()"
          + "|(?:/bin/(?:ba)?sh|cmd\\.exe|child_process).{0,400}(?:socket|net\\.connect|createconnection)");
  private static final Pattern NC_EXEC = Pattern.compile("-[a-zA-Z]*[ec]");
  private static final Pattern RM_RECURSIVE = Pattern.compile("-[a-zA-Z]*[rR][a-zA-Z]*|--recursive");
  private static final Pattern DATA_FLAG = Pattern.compile(
      "-d|--data.*|-F|--form|-H|--header|--post-data.*|-T|--upload-file|-A|--user-agent|-e|--referer");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Set<String> HOME_OR_ROOT = Set.of("~", "~/", "~/*", "$home", "${home}", "$home/", "${home}/",
      "$home/*", "${home}/*", "/", "/*", "/home", "/home/*", "/etc", "/usr", "/var", "/root", "/users", "/users/*",
      "/boot", "/bin", "/lib", "c:", "c:/", "c:\\", "c:\\*", "c:/*", "%userprofile%", "%homepath%", "%homedrive%",
      "%systemdrive%", "%systemroot%", "%appdata%", "~/..", "$home/..", "/system");
  private static final Set<String> USER_DIRS = Set.of("desktop", "documents", "downloads", "pictures", ".ssh",
      ".config", "music", "videos", "projects", "library");

  private ShellJudge() {}

  /** Judges a program; {@code install} admits the kinds that only mean harm at install time. */
  static List<Found> judge(String text, boolean install) {
    List<Found> out = new ArrayList<>();
    judge(text, install, 0, 0, out);
    return out;
  }

  private static void judge(String text, boolean install, int offset, int depth, List<Found> out) {
    Optional<Program> parsed = ShellCommands.parse(text);
    if (parsed.isEmpty()) {
      return;
    }
    Program p = parsed.get();
    Set<String> tainted = new HashSet<>();
    for (String[] a : p.assignments()) {
      if (identity(a[1], tainted)) {
        tainted.add(a[0]);
      }
    }
    if (p.text().contains(":(){") || p.text().contains(":() {")) {
      out.add(new Found(Kind.DESTRUCTIVE, offset, offset + Math.min(text.length(), 20), "a fork bomb that exhausts the machine"));
    }
    List<String> downloadedFiles = new ArrayList<>();
    boolean disown = p.commands().stream().anyMatch(c -> c.name().equals("disown"));
    for (Cmd c : p.commands()) {
      int s = offset + c.start();
      int e = offset + c.end();
      String args = c.argText();
      String lowArgs = args.toLowerCase(Locale.ROOT);
      String shown = shown(c.text());
      // reverse shells
      if (c.redirects().stream().anyMatch(r -> r.contains("/dev/tcp/") || r.contains("/dev/udp/"))
          || args.contains("/dev/tcp/") || args.contains("/dev/udp/")) {
        out.add(new Found(Kind.REVERSE_SHELL, s, e, "`" + shown + "` connects a shell to a remote address through /dev/tcp"));
      } else if (Set.of("nc", "ncat", "netcat").contains(c.name()) && c.args().stream().anyMatch(
          a -> NC_EXEC.matcher(a).matches() || a.startsWith("--exec") || a.startsWith("--sh-exec") || a.startsWith("--lua-exec"))) {
        out.add(new Found(Kind.REVERSE_SHELL, s, e, "`" + shown + "` gives a shell to whoever is at the other end of a netcat connection"));
      } else if (c.name().equals("socat") && (lowArgs.contains("exec:") || lowArgs.contains("system:"))) {
        out.add(new Found(Kind.REVERSE_SHELL, s, e, "`" + shown + "` connects a program to a network socket with socat"));
      } else if (Set.of("python", "python2", "python3", "perl", "ruby", "php", "node", "nodejs").contains(c.name())
          && c.args().stream().anyMatch(a -> a.equals("-c") || a.equals("-e") || a.equals("-r"))
          && SCRIPT_SOCKET.matcher(args).find()) {
        out.add(new Found(Kind.REVERSE_SHELL, s, e, "`" + shown + "` runs an inline script that wires a shell to a socket"));
      } else if (SHELLS.contains(c.name()) && c.args().contains("-i") && c.pipeline() >= 0
          && p.commands().stream().anyMatch(o -> o.pipeline() == c.pipeline() && o != c
              && Set.of("nc", "ncat", "netcat", "telnet", "openssl").contains(o.name()))) {
        out.add(new Found(Kind.REVERSE_SHELL, s, e, "`" + shown + "` pipes an interactive shell through a network connection"));
      }
      // download and run
      List<Cmd> feeders = p.commands().stream().filter(o -> o.pipeline() == c.pipeline() && c.pipeline() >= 0
          && o.stage() < c.stage() && DOWNLOADERS.contains(o.name())).toList();
      Matcher subst = SUBST_DOWNLOAD.matcher(args);
      if (INTERPRETERS.contains(c.name()) && c.stage() > 0 && !feeders.isEmpty()) {
        if (!feeders.stream().allMatch(o -> ToolchainInstallers.only(o.argText()))) {
          out.add(new Found(Kind.DOWNLOAD_RUN, s, e, "downloads code and pipes it into " + c.name()));
        }
      } else if (INTERPRETERS.contains(c.name()) && subst.find()) {
        boolean installers = true;
        do {
          installers &= ToolchainInstallers.only(args.substring(subst.end()));
        } while (installers && subst.find());
        if (!installers) {
          out.add(new Found(Kind.DOWNLOAD_RUN, s, e, "`" + shown + "` runs what curl or wget downloads"));
        }
      } else if (CODE_RUNNERS.contains(c.name()) || c.rawName().contains("/")) {
        String target = CODE_RUNNERS.contains(c.name()) ? firstOperand(c.args()) : c.rawName();
        String tb = fileName(target);
        if (!tb.isEmpty() && downloadedFiles.contains(tb)) {
          out.add(new Found(Kind.DOWNLOAD_RUN, s, e, "runs `" + tb + "`, a file the script downloaded just before"));
        }
      }
      if (DOWNLOADERS.contains(c.name())) {
        outputFile(c.args()).ifPresent(f -> downloadedFiles.add(fileName(f)));
      }
      // Windows system programs used as launchers
      windows(c, lowArgs).ifPresent(d -> out.add(new Found(Kind.WINDOWS_LAUNCHER, s, e, "`" + shown + "` " + d)));
      // destruction
      destructive(c).ifPresent(d -> out.add(new Found(Kind.DESTRUCTIVE, s, e, "`" + shown + "` " + d)));
      // beacons with host details
      if (NET.contains(c.name()) && beacon(c, tainted)) {
        out.add(new Found(Kind.HOST_BEACON, s, e, "`" + shown + "` sends the user, host name, folder or environment of this machine"));
      } else if (NET.contains(c.name()) && c.pipeline() >= 0 && c.stage() > 0
          && p.commands().stream().anyMatch(o -> o.pipeline() == c.pipeline() && o.stage() < c.stage()
              && (IDENTITY_CMDS.contains(o.name()) && !o.name().equals("set") || echoes(o, tainted)))) {
        out.add(new Found(Kind.HOST_BEACON, s, e, "`" + shown + "` receives the output of a command that reads this machine's identity and sends it"));
      }
      // daemons
      if (install) {
        daemon(c, disown).ifPresent(d -> out.add(new Found(Kind.DAEMON, s, e, "`" + shown + "` " + d)));
      }
      // nested programs: sh -c '…', eval '…', cmd /c '…'
      if (depth < MAX_NESTING) {
        nested(c).ifPresent(inner -> {
          int at = text.indexOf(inner, c.start());
          judge(inner, install, offset + Math.max(at, c.start()), depth + 1, out);
        });
      }
    }
    if (!install) {
      out.removeIf(f -> f.kind() != Kind.REVERSE_SHELL && f.kind() != Kind.HOST_BEACON && f.kind() != Kind.DESTRUCTIVE);
    }
  }

  private static String shown(String text) {
    String t = SPACES.matcher(text).replaceAll(" ").trim();
    return t.length() > 120 ? t.substring(0, 117) + "..." : t;
  }

  private static boolean identity(String value, Set<String> tainted) {
    if (IDENTITY_SUBST.matcher(value).find() || IDENTITY_VAR.matcher(value).find()) {
      return true;
    }
    for (String v : tainted) {
      if (value.contains("$" + v) || value.contains("${" + v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean echoes(Cmd c, Set<String> tainted) {
    return (c.name().equals("echo") || c.name().equals("printf") || c.name().equals("cat"))
        && (identity(c.argText(), tainted) || SECRET_FILE.matcher(c.argText()).find());
  }

  /** A network command whose URL, data or name to resolve carries identity or a secret file. */
  private static boolean beacon(Cmd c, Set<String> tainted) {
    List<String> a = c.args();
    for (int i = 0; i < a.size(); i++) {
      String arg = a.get(i);
      String prev = i > 0 ? a.get(i - 1) : "";
      if (prev.equals("-o") || prev.equals("--output") || prev.equals("-O") || prev.equals("-P")) {
        continue;
      }
      boolean data = DATA_FLAG.matcher(prev).matches();
      boolean url = arg.contains("://") || arg.contains("?") || Set.of("nslookup", "dig", "host", "ping").contains(c.name());
      if ((data || url || c.name().equals("nc") || c.name().equals("ncat")) && identity(arg, tainted)) {
        return true;
      }
      if ((data || arg.startsWith("@")) && SECRET_FILE.matcher(arg).find()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> windows(Cmd c, String lowArgs) {
    switch (c.name()) {
      case "mshta":
        return Optional.of("runs an HTML application with mshta, a Windows launcher malware uses");
      case "rundll32":
      case "regsvr32":
        return Optional.of("loads and runs a library with " + c.name() + ", a Windows launcher malware uses");
      case "certutil":
        if (lowArgs.contains("urlcache") || lowArgs.contains("decode") || lowArgs.contains("http")) {
          return Optional.of("uses certutil to download or decode a file, a trick to hide a download");
        }
        return Optional.empty();
      case "bitsadmin":
        return Optional.of("uses bitsadmin to transfer a file in the background");
      case "wscript":
      case "cscript":
        return Optional.of("runs a Windows script host script");
      case "msiexec":
        return lowArgs.contains("http") || lowArgs.contains("/q")
            ? Optional.of("installs a Windows package silently or from a URL") : Optional.empty();
      case "powershell":
      case "pwsh":
        if (PS_HIDDEN.matcher(lowArgs).find() || PS_DOWNLOAD.matcher(lowArgs).find()) {
          return Optional.of("runs hidden, encoded or downloaded PowerShell");
        }
        return Optional.empty();
      case "schtasks":
        return lowArgs.contains("/create") ? Optional.of("creates a scheduled task") : Optional.empty();
      case "reg":
        return lowArgs.contains("add") && lowArgs.contains("\\run")
            ? Optional.of("adds a program to the Windows Run key") : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> destructive(Cmd c) {
    String n = c.name();
    List<String> a = c.args();
    if (n.equals("rm") || n.equals("shred")) {
      boolean recursive = n.equals("shred") || a.stream().anyMatch(x -> RM_RECURSIVE.matcher(x).matches());
      if (recursive && a.stream().anyMatch(ShellJudge::homeOrRoot)) {
        return Optional.of("deletes the user's home folder, their documents or the system's files");
      }
      return Optional.empty();
    }
    if (Set.of("del", "erase", "rd", "rmdir", "remove-item", "ri").contains(n)) {
      String low = c.argText().toLowerCase(Locale.ROOT);
      if ((low.contains("/s") || low.contains("-recurse")) && a.stream().anyMatch(ShellJudge::homeOrRoot)) {
        return Optional.of("deletes the user's profile or a whole drive");
      }
      return Optional.empty();
    }
    if (n.startsWith("mkfs")) {
      return Optional.of("formats a disk");
    }
    if (n.equals("dd") && a.stream().anyMatch(x -> x.startsWith("of=/dev/") && !x.equals("of=/dev/null"))) {
      return Optional.of("overwrites a disk device");
    }
    if (n.equals("format") && a.stream().anyMatch(x -> x.length() == 2 && Character.isLetter(x.charAt(0)) && x.charAt(1) == ':')) {
      return Optional.of("formats a drive");
    }
    if (n.equals("find") && !a.isEmpty() && homeOrRoot(a.get(0))
        && (a.contains("-delete") || c.argText().contains("-exec rm"))) {
      return Optional.of("deletes files across the user's home folder or the system");
    }
    if ((n.equals("chmod") || n.equals("chown")) && a.stream().anyMatch(x -> x.startsWith("-") && x.contains("R"))
        && a.stream().anyMatch(x -> x.equals("/") || x.equals("~") || x.equals("$HOME"))) {
      return Optional.of("changes permissions on the whole home folder or system");
    }
    return Optional.empty();
  }

  private static boolean homeOrRoot(String arg) {
    String a = arg.toLowerCase(Locale.ROOT).replace('\\', '/');
    if (HOME_OR_ROOT.contains(a) || HOME_OR_ROOT.contains(arg.toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String h : new String[] {"~/", "$home/", "${home}/", "%userprofile%/"}) {
      if (a.startsWith(h)) {
        String rest = a.substring(h.length());
        rest = rest.endsWith("/*") ? rest.substring(0, rest.length() - 2) : rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        return USER_DIRS.contains(rest);
      }
    }
    return false;
  }

  private static Optional<String> daemon(Cmd c, boolean disown) {
    String n = c.name();
    List<String> a = c.args();
    boolean runsCode = CODE_RUNNERS.contains(n) || c.rawName().startsWith("./") || c.rawName().contains("/")
        && !c.rawName().startsWith("/usr/") && !c.rawName().startsWith("/bin/");
    if ((n.equals("pm2") || n.equals("forever")) && a.contains("start")) {
      return Optional.of("starts a process that " + n + " keeps alive after the install ends");
    }
    if (n.equals("screen") && a.stream().anyMatch(x -> x.startsWith("-") && !x.startsWith("--") && x.contains("d") && x.contains("m"))
        || n.equals("tmux") && a.contains("-d")) {
      return Optional.of("starts a detached terminal session that outlives the install");
    }
    if (n.equals("start") && a.stream().anyMatch(x -> x.equalsIgnoreCase("/b") || x.equalsIgnoreCase("/min"))) {
      return Optional.of("starts a background window on Windows that outlives the install");
    }
    if (!runsCode) {
      return Optional.empty();
    }
    if (c.wrappers().contains("nohup") || c.wrappers().contains("setsid")) {
      return Optional.of("starts code that keeps running after the install ends (" + c.wrappers().get(0) + ")");
    }
    if (c.background() && (disown || !a.isEmpty())) {
      return Optional.of("starts code in the background, so it outlives the install");
    }
    return Optional.empty();
  }

  /** The program in {@code sh -c '…'}, {@code eval '…'}, {@code cmd /c …}. */
  private static Optional<String> nested(Cmd c) {
    List<String> a = c.args();
    if (SHELLS.contains(c.name())) {
      int i = a.indexOf("-c");
      if (i < 0) {
        i = a.indexOf("-lc");
      }
      return i >= 0 && i + 1 < a.size() ? Optional.of(a.get(i + 1)) : Optional.empty();
    }
    if (c.name().equals("eval") && !a.isEmpty()) {
      return Optional.of(String.join(" ", a));
    }
    if (c.name().equals("cmd")) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).equalsIgnoreCase("/c") || a.get(i).equalsIgnoreCase("/k")) {
          return i + 1 < a.size() ? Optional.of(String.join(" ", a.subList(i + 1, a.size()))) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static String firstOperand(List<String> args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return "";
  }

  static String fileName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static Optional<String> outputFile(List<String> args) {
    for (int i = 0; i + 1 < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-o") || a.equals("--output") || a.equals("-O") || a.equals("-OutFile") || a.equals("-outfile")) {
        String f = args.get(i + 1);
        return f.equals("-") ? Optional.empty() : Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
