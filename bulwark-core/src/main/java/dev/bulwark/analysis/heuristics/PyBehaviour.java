package dev.bulwark.analysis.heuristics;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Judges the calls that run on install or import ({@link PySurface}): network use, programs
 * started (by what they run: a build tool is ordinary, a download tool or an unknown program is
 * not) and code executed from decoded, fetched or escaped data.
 */
final class PyBehaviour {
  /**
   * What a call does. {@code PINNED_FETCH}: a download in a file that checks a digest against a
   * hash written in the code, as build scripts fetching a library's sources do.
   */
  enum Kind { NETWORK, PINNED_FETCH, PROCESS, OPAQUE_EXEC, USER_FILE_WRITE }

  /** One judged call. */
  record Found(Kind kind, int start, int end, String detail) {}

  private static final Set<String> HTTP_VERBS = Set.of("get", "post", "put", "patch", "delete", "head",
      "request", "options", "urlopen", "stream");
  private static final Set<String> PROCESS = Set.of("os.system", "os.popen", "os.popen2", "os.popen3",
      "os.execl", "os.execle", "os.execlp", "os.execv", "os.execve", "os.execvp", "os.execvpe", "os.spawnl",
      "os.spawnlp", "os.spawnv", "os.spawnvp", "os.startfile", "os.posix_spawn", "os.posix_spawnp",
      "subprocess.Popen", "subprocess.call", "subprocess.run", "subprocess.check_call", "subprocess.check_output",
      "subprocess.getoutput", "subprocess.getstatusoutput", "pty.spawn", "commands.getoutput", "platform.popen",
      "asyncio.create_subprocess_shell", "asyncio.create_subprocess_exec");
  private static final Set<String> WRITES = Set.of("write", "write_bytes", "write_text", "writelines");
  private static final Set<String> EXEC = Set.of("exec", "eval", "compile", "execfile", "builtins.exec",
      "builtins.eval", "builtins.compile");
  /**
   * Programs a build or an import-time environment probe runs for honest reasons: compilers, build
   * systems, version control, package managers, system probes, file utilities.
   */
  private static final Set<String> BUILD_TOOLS = Set.of("git", "hg", "svn", "make", "gmake", "nmake",
      "cmake", "ninja", "meson", "scons", "gcc", "g++", "cc", "c++", "clang", "clang++", "cl", "nvcc", "hipcc",
      "gfortran", "f2py", "ld", "ar", "strip", "pkg-config", "pkgconf", "python", "python2", "python3", "py",
      "pip", "pip3", "pipenv", "poetry", "uv", "pdm", "hatch", "flit", "maturin", "bazel", "bazelisk",
      "conda", "mamba", "dpkg-architecture", "dpkg-buildflags", "ranlib", "nm", "objdump", "readelf",
      "lipo", "codesign", "ccache", "sccache", "npm", "npx", "yarn", "pnpm", "jlpm", "node", "cython", "swig", "protoc",
      "javac", "java", "mvn", "ant", "gradle", "cargo", "rustc", "rustup", "go", "configure", "./configure",
      "autoreconf", "autoconf", "automake", "libtool", "xcodebuild", "xcrun", "xcode-select", "sw_vers",
      "uname", "which", "where", "lsb_release", "ldconfig", "ldd", "otool", "install_name_tool", "brew",
      "apt", "apt-get", "yum", "dnf", "sudo", "rm", "cp", "mv", "mkdir", "ln", "tar", "unzip", "echo", "cat",
      "ls", "touch", "find", "patch", "install", "pandoc", "sphinx-build", "twine", "doxygen", "nproc",
      "sysctl", "getconf", "tput", "stty", "nvidia-smi", "rocminfo", "msgfmt", "pyrcc5", "pyuic5", "qmake",
      "moc", "rcc", "lrelease", "pre-commit", "tox", "pytest", "coverage", "dpkg", "rpm", "file",
      "vswhere", "cmd", "sh", "bash", "env", "llvm-config", "icu-config", "xml2-config", "mysql_config",
      "pg_config", "less", "more", "man", "clear", "cls", "tty", "locale", "xdg-open", "open", "reg",
      "lscpu", "free", "df", "gsl-config", "sdl2-config", "wx-config", "root-config", "nc-config", "curl-config");
  private static final Pattern DANGER = Pattern.compile("(?i)\\bcurl\\b|\\bwget\\b|powershell|\\bpwsh\\b"
      + "|invoke-webrequest|invoke-expression|\\biex\\b|downloadstring|downloadfile|certutil|bitsadmin|mshta"
      + "|rundll32|regsvr32|wscript|cscript|schtasks|\\breg\\s+add|/dev/tcp|\\bnc\\s+-|\\bncat\\b|netcat"
      + "|\\b(?:ba)?sh\\s+-i\\b|\\bbase64\\s+-{1,2}[dD]|\\|\\s*base64\\b|\\bbase64\\.(?:b\\d|standard_|urlsafe_|decode)|https?://|ftp://|\\.vbs\\b|\\.ps1\\b|\\.scr\\b|/tmp/|%temp%|appdata"
      + "|chmod\\s+(?:\\+x|a\\+x|u\\+x|[0-7]?7[0-7][0-7])|\\bnohup\\b|\\bstart\\s+/b\\b|\\bstart\\s+\\S*\\.exe"
      + "|-encodedcommand|\\s-enc\\s|-windowstyle|\\s-w\\s+hidden|>\\s*/dev/null\\s+2>&1\\s*&|crontab"
      + "|launchctl|osascript|whoami|systeminfo|ipconfig|ifconfig|\\bnet\\s+user|/etc/passwd|/etc/shadow"
      + "|\\.ssh/|id_rsa|\\bpython[23w]?(?:\\.exe)?['\"]?\\s*,?\\s*['\"]?-c\\b|/dev/shm|\\|\\s*(?:ba|z)?sh\\b"
      + "|\\|\\s*python|CREATE_NO_WINDOW|DETACHED_PROCESS|creationflags|0x0*8000000\\b|start_new_session");
  private static final Pattern FETCH = Pattern.compile("\\b(?:urlopen|urlretrieve|requests\\.|httpx\\.|urllib3"
      + "|\\.recv\\s*\\(|socket\\.|http\\.client|pastebin|https?://)");
  private static final Pattern FETCHED = Pattern.compile("\\b(?:urlopen|urlretrieve|requests\\.\\w+|httpx\\.\\w+)\\s*\\(|\\.recv\\s*\\(");
  private static final Pattern DECODE = Pattern.compile("(?i)b64decode|b32decode|b16decode|b85decode|a85decode"
      + "|decodebytes|decompress|unhexlify|fromhex|marshal|pickle\\.loads|rot.?13|\\[\\s*::\\s*-1\\s*\\]"
      + "|\\bchr\\s*\\(|\\bbytes\\s*\\(\\s*\\[|bytearray\\s*\\(|decrypt|fernet"
      + "|codecs\\.decode");
  private static final Pattern WRITE_MODE = Pattern.compile("['\"][rbt+]*[wax][bt+]*['\"]");
  private static final Pattern USER_PATH = Pattern.compile("(?i)USERPROFILE|\\bAPPDATA|expanduser|Path\\.home\\(|getlogin"
      + "|C:[/\\\\]+Users|[/\\\\]Desktop\\b|Start Menu|\\bStartup\\b|\\.bashrc|\\.zshrc|\\.bash_profile|\\.profile\\b"
      + "|['\"]/etc/|LaunchAgents|\\.config/autostart|environ\\[\\s*['\"]HOME['\"]|getenv\\(\\s*['\"]HOME['\"]");
  private static final Pattern BLOB = Pattern.compile("[A-Za-z0-9+/=_\\\\-]{200,}");
  private static final Pattern LOCAL_HOST = Pattern.compile("^\\(\\s*(?:['\"](?:localhost|127\\.0\\.0\\.1|::1|0\\.0\\.0\\.0)['\"]"
      + "|socket\\.gethostname\\(\\)|gethostname\\(\\))\\s*[,)]");

  private PyBehaviour() {}

  /** Every call of the surface judged as network use, a started program or opaque code run. */
  static List<Found> judge(PySurface s) {
    List<Found> out = new ArrayList<>();
    boolean starts = false;
    Found drop = null;
    for (PySurface.Call c : s.calls()) {
      int start = s.tree().startChar(c.node());
      int end = s.tree().endChar(c.node());
      String callee = c.callee();
      if (network(callee, c.argsText())) {
        out.add(new Found(Kind.NETWORK, start, end, callee));
      } else if (PROCESS.contains(callee)) {
        starts = true;
        String why = process(c, s);
        if (!why.isEmpty()) {
          out.add(new Found(Kind.PROCESS, start, end, callee + ": " + why));
        }
      } else if (EXEC.contains(callee) && opaque(c, s) || pyarmor(callee)) {
        out.add(new Found(Kind.OPAQUE_EXEC, start, end, callee + " of hidden code"));
      } else if (userFileWrite(c, s)) {
        out.add(new Found(Kind.USER_FILE_WRITE, start, end, callee + " writes into the user's profile or system folders"));
      } else if (drop == null && WRITES.contains(callee.substring(callee.lastIndexOf('.') + 1)) && dropped(c.argsText())) {
        drop = new Found(Kind.OPAQUE_EXEC, start, end, "writes decoded or downloaded data to a file and starts a program");
      }
    }
    // A dropper: decoded or fetched data written to disk by code that also starts programs.
    if (drop != null && starts) {
      out.add(drop);
    }
    if (s.installScript() && out.stream().anyMatch(x -> x.kind() == Kind.NETWORK) && onlyFetches(s) && pinnedDigest(s.tree().text(s.tree().root()))) {
      // A build step that downloads a library's sources and refuses them unless their digest equals
      // the one written in setup.py: the server cannot change what runs. Still reported, weaker.
      out.replaceAll(x -> x.kind() == Kind.NETWORK
          ? new Found(Kind.PINNED_FETCH, x.start(), x.end(), x.detail() + ", checked against a pinned digest") : x);
    }
    return out;
  }

  /** Whether every network call of the file only downloads (nothing is posted or put). */
  private static boolean onlyFetches(PySurface s) {
    for (PySurface.Call c : s.calls()) {
      if (!network(c.callee(), c.argsText())) {
        continue;
      }
      String name = c.callee().substring(c.callee().lastIndexOf('.') + 1);
      boolean download = name.equals("urlretrieve") || name.equals("urlopen") || name.equals("get")
          || name.equals("stream") || name.equals("head");
      if (!download || c.argsText().contains("data=") || c.argsText().contains("json=")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text computes a digest ({@code hexdigest()}) and holds a quoted hexadecimal hash
   * (SHA-1, SHA-256, SHA-384 or SHA-512 length) to compare it with. Hand-written scan: no regex on
   * untrusted text.
   */
  static boolean pinnedDigest(String text) {
    if (!text.contains("hexdigest()")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char q = text.charAt(i);
      if (q != '"' && q != '\'') {
        continue;
      }
      int j = i + 1;
      while (j < text.length() && Character.digit(text.charAt(j), 16) >= 0) {
        j++;
      }
      int n = j - i - 1;
      if (j < text.length() && text.charAt(j) == q && (n == 40 || n == 64 || n == 96 || n == 128)) {
        return true;
      }
      i = Math.max(i, j - 1);
    }
    return false;
  }

  static boolean network(String callee, String argsText) {
    int first = callee.indexOf('.');
    int last = callee.lastIndexOf('.');
    String root = first < 0 ? callee : callee.substring(0, first);
    String name = last < 0 ? callee : callee.substring(last + 1);
    if ((root.equals("requests") || root.equals("httpx") || root.equals("urllib3")) && HTTP_VERBS.contains(name)) {
      return true;
    }
    if (name.equals("urlopen") || name.equals("urlretrieve")) {
      return true;
    }
    if (callee.equals("socket.create_connection") || callee.equals("socket.gethostbyname")
        || callee.equals("socket.gethostbyname_ex") || callee.equals("socket.getaddrinfo")) {
      return !LOCAL_HOST.matcher(argsText).find();
    }
    return callee.equals("socket.socket") || callee.startsWith("http.client.HTTP") || callee.startsWith("httplib.HTTP")
        || callee.equals("smtplib.SMTP") || callee.equals("smtplib.SMTP_SSL") || callee.equals("ftplib.FTP")
        || callee.equals("telnetlib.Telnet") || callee.startsWith("dns.resolver.") && !name.equals("Resolver")
        || callee.equals("wget.download") || callee.equals("pycurl.Curl");
  }

  /** Why a started program is suspicious, or "" when it is a build tool with a plain command. */
  private static String process(PySurface.Call c, PySurface s) {
    String cmd = withAssignments(c.argsText(), c.firstArg(), s);
    if (DANGER.matcher(cmd).find()) {
      return "runs a command that downloads, hides or reaches into the system";
    }
    String prog = program(c.firstArg(), s);
    if (versionProbe(c.firstArg(), s)) {
      return ""; // ["ffmpeg", "-version"]: asks what is installed
    }
    if (prog.endsWith(".sh") && !prog.startsWith("/")) {
      return ""; // the package's own build script; its content is judged as a file of its own
    }
    if (prog.isEmpty()) {
      // A computed command in a file that decodes data: the program name is hidden.
      return DECODE.matcher(cmd).find() || s.decodes() ? "runs a command built from decoded data" : "";
    }
    return BUILD_TOOLS.contains(prog) ? "" : "runs '" + prog + "', which a build does not need";
  }

  /**
   * Whether the call opens a file for writing (or copies one) under the user's home, profile,
   * desktop, start-up folders, shell start-up files or /etc: places a build never writes to.
   */
  private static boolean userFileWrite(PySurface.Call c, PySurface s) {
    String callee = c.callee();
    boolean open = callee.equals("open") || callee.equals("io.open") || callee.equals("codecs.open");
    boolean copy = callee.startsWith("shutil.copy") || callee.equals("shutil.move");
    if (!open && !copy || c.firstArg() == null || c.firstArg().isNull()) {
      return false;
    }
    String args = c.argsText();
    if (open && !WRITE_MODE.matcher(args).find()) {
      return false;
    }
    String target = copy ? args : s.tree().text(c.firstArg());
    return USER_PATH.matcher(expand(target, s, 2)).find();
  }

  /** A fragment with the values assigned to the names it mentions, up to {@code hops} deep. */
  private static String expand(String text, PySurface s, int hops) {
    StringBuilder sb = new StringBuilder(text);
    String frontier = text;
    for (int h = 0; h < hops && sb.length() < 20_000; h++) {
      StringBuilder next = new StringBuilder();
      for (String id : names(PySurface.norm(frontier))) {
        for (String v : s.assignedTo(id)) {
          next.append('\n').append(v);
        }
      }
      if (next.length() == 0) {
        break;
      }
      sb.append(next);
      frontier = next.toString();
    }
    return sb.length() > 20_000 ? sb.substring(0, 20_000) : sb.toString();
  }

  /** Plain identifiers in a fragment (hand-written scan: no regex on untrusted text needed). */
  private static List<String> names(String t) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < t.length() && out.size() < 32) {
      char ch = t.charAt(i);
      if (Character.isJavaIdentifierStart(ch) && (i == 0 || t.charAt(i - 1) != '.')) {
        int j = i;
        while (j < t.length() && Character.isJavaIdentifierPart(t.charAt(j))) {
          j++;
        }
        out.add(t.substring(i, j));
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The call's argument text plus what identifiers in its first argument were assigned. */
  private static String withAssignments(String argsText, TSNode first, PySurface s) {
    StringBuilder sb = new StringBuilder(argsText);
    if (first != null && !first.isNull()) {
      String t = s.tree().text(first);
      if (first.getType().equals("identifier")) {
        s.assignedTo(t).forEach(v -> sb.append('\n').append(v));
      } else if (first.getType().equals("list") || first.getType().equals("binary_operator")) {
        for (int i = 0; i < first.getNamedChildCount(); i++) {
          TSNode e = first.getNamedChild(i);
          if (e.getType().equals("identifier")) {
            s.assignedTo(s.tree().text(e)).forEach(v -> sb.append('\n').append(v));
          }
        }
      }
    }
    return sb.length() > 20_000 ? sb.substring(0, 20_000) : sb.toString();
  }

  /**
   * For a list value that opens with a name ({@code [PKG_CONFIG] + flags}, {@code [CC, "-c"]}),
   * what that name was assigned; else "".
   */
  private static String heldValue(String value, PySurface s) {
    String v = value.strip();
    if (!v.startsWith("[") && !v.startsWith("(")) {
      return "";
    }
    int i = 1;
    while (i < v.length() && v.charAt(i) == ' ') {
      i++;
    }
    int j = i;
    while (j < v.length() && (Character.isLetterOrDigit(v.charAt(j)) || v.charAt(j) == '_')) {
      j++;
    }
    if (j == i || j >= v.length() || ",]) ".indexOf(v.charAt(j)) < 0 || !Character.isLetter(v.charAt(i)) && v.charAt(i) != '_') {
      return "";
    }
    List<String> vals = s.assignedTo(v.substring(i, j));
    return vals.isEmpty() ? "" : vals.get(0);
  }

  private static final Set<String> VERSION_FLAGS = Set.of("-version", "--version", "-v", "-V", "version");

  /** A literal command that only asks a program for its version: {@code ["ffmpeg", "-version"]}. */
  static boolean versionProbe(TSNode first, PySurface s) {
    if (first == null || first.isNull() || s.tree().endChar(first) - s.tree().startChar(first) > 200) {
      return false;
    }
    List<String> words = new ArrayList<>();
    String type = first.getType();
    if (type.equals("list") || type.equals("tuple")) {
      for (int i = 0; i < first.getNamedChildCount(); i++) {
        TSNode e = first.getNamedChild(i);
        if (!e.getType().equals("string")) {
          return false;
        }
        String t = s.tree().text(e);
        words.add(t.length() >= 2 ? t.substring(1, t.length() - 1) : t);
      }
    } else if (type.equals("string")) {
      String t = s.tree().text(first);
      for (String w : (t.length() >= 2 ? t.substring(1, t.length() - 1) : t).trim().split("\\s+")) {
        words.add(w);
      }
    } else {
      return false;
    }
    return words.size() == 2 && VERSION_FLAGS.contains(words.get(1));
  }

  /**
   * The program a command starts: the first word of a string command, or the first element of a
   * list ({@code sys.executable} counts as python); "" when it is computed.
   */
  static String program(TSNode first, PySurface s) {
    if (first == null || first.isNull()) {
      return "";
    }
    String type = first.getType();
    String t = s.tree().text(first).trim();
    if (type.equals("identifier")) {
      List<String> vals = s.assignedTo(t);
      if (vals.isEmpty()) {
        return "";
      }
      String p = programOfText(envDefault(vals.get(0)));
      return p.isEmpty() ? programOfText(envDefault(heldValue(vals.get(0), s))) : p;
    }
    if (type.equals("binary_operator") && first.getNamedChildCount() > 0) {
      return program(first.getNamedChild(0), s); // cxx + ["-x", "c++"]: the left part's program
    }
    if (type.equals("list") || type.equals("tuple")) {
      if (first.getNamedChildCount() == 0) {
        return "";
      }
      TSNode e = first.getNamedChild(0);
      if (s.tree().text(e).contains("executable")) {
        return "python";
      }
      if (e.getType().equals("identifier")) {
        List<String> vals = s.assignedTo(s.tree().text(e).trim());
        return vals.isEmpty() ? "" : programOfText(envDefault(vals.get(0))); // [PKG_CONFIG] + flags
      }
      return e.getType().equals("string") ? programOfText(s.tree().text(e))
          : e.getType().equals("call") ? programOfText(envDefault(s.tree().text(e))) : "";
    }
    if (t.contains("sys.executable")) {
      return "python";
    }
    return type.equals("string") || type.equals("concatenated_string") ? programOfText(t) : "";
  }

  private static final Pattern ENV_DEFAULT = Pattern.compile("^(?:shlex\\.split\\()?os\\.(?:environ\\.get|getenv)"
      + "\\(\\s*['\"][A-Za-z_][A-Za-z0-9_]{0,40}['\"]\\s*,\\s*(['\"][^'\"\\n]{0,300}['\"])\\s*\\)\\)?$");

  /**
   * The default of an environment lookup ({@code os.environ.get("CXX", "c++")}, also inside
   * {@code shlex.split(…)}): the program that runs on a machine without the variable, judged like
   * any other. Other text is returned as it is.
   */
  static String envDefault(String text) {
    String t = text.strip();
    if (t.length() > 400 || !t.contains("os.")) {
      return text;
    }
    com.google.re2j.Matcher m = ENV_DEFAULT.matcher(t);
    return m.find() ? m.group(1) : text;
  }

  /** The first word of the first string literal in a fragment, normalised ("/usr/bin/Git.exe" → "git"). */
  static String programOfText(String t) {
    String v = t.trim();
    if (v.startsWith("[") || v.startsWith("(")) {
      v = v.substring(1).trim();
    }
    if (v.contains("executable") && v.indexOf("executable") < Math.max(0, v.indexOf('\'')) + 2) {
      return "python";
    }
    int i = 0;
    while (i < v.length() && "rbfuRBFU".indexOf(v.charAt(i)) >= 0) {
      i++;
    }
    if (i >= v.length() || v.charAt(i) != '\'' && v.charAt(i) != '"') {
      return "";
    }
    char q = v.charAt(i);
    int j = i + 1;
    String word;
    int words = 0;
    while (true) {
      while (j < v.length() && v.charAt(j) == ' ') {
        j++;
      }
      if (j >= v.length() || v.charAt(j) == q) {
        return ""; // a blank literal: ' '.join(cmd) builds the command elsewhere
      }
      int k = j;
      while (k < v.length() && v.charAt(k) != q && v.charAt(k) != ' ' && v.charAt(k) != '\t') {
        k++;
      }
      word = v.substring(j, k);
      // "CORE_ONLY=yes bash ./make.sh": variable assignments before the program are skipped
      if (words++ >= 8 || !envAssignment(word)) {
        break;
      }
      j = k;
    }
    if (word.isEmpty() || word.contains("{") || word.contains("%")) {
      return "";
    }
    word = word.substring(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
    if (word.endsWith(".exe")) {
      word = word.substring(0, word.length() - 4);
    }
    if (word.startsWith("python") && word.substring(6).chars().allMatch(ch -> ch == '.' || ch == 'w'
        || Character.isDigit(ch))) {
      return "python";
    }
    return word.isEmpty() ? "" : word;
  }

  /** {@code NAME=value}, as a shell reads a word before the program. */
  private static boolean envAssignment(String word) {
    int eq = word.indexOf('=');
    if (eq <= 0 || !(Character.isLetter(word.charAt(0)) || word.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < eq; i++) {
      char c = word.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether exec/eval/compile runs hidden code: data that is fetched, decoded, unmarshalled, a
   * long encoded blob, or a string written mostly in escapes. Reading a version file is not.
   */
  private static boolean opaque(PySurface.Call c, PySurface s) {
    TSNode a = c.firstArg();
    if (a == null || a.isNull()) {
      return false;
    }
    String t = PySurface.norm(s.tree().text(a));
    if (hidden(t)) {
      return true;
    }
    // what the names in the argument were assigned (also by +=, as in decoding loops), two hops
    String expanded = expand(t, s, 2);
    return expanded.length() > t.length() && hidden(expanded.substring(t.length()));
  }

  /** Whether a text calls a decoder (base64, zlib, marshal, char codes, …). */
  static boolean decodes(String t) {
    return mayDecode(t) && DECODE.matcher(t).find();
  }

  /** {@link #decodes} without the literal pre-check (a test holds the two equal). */
  static boolean decodesByRegex(String t) {
    return DECODE.matcher(t).find();
  }

  /**
   * Literals one of which every match of {@link #DECODE} contains (lower case): "rot" for
   * rot.?13, "::" for [::-1]. Checking them first keeps the result and spares the regex, which
   * opens with a case-insensitive alternation and so costs an NFA step per character, on the
   * whole text of every parsed Python file that contains none of them.
   */
  private static final String[] DECODE_LITERALS = {"b64decode", "b32decode", "b16decode",
      "b85decode", "a85decode", "decodebytes", "decompress", "unhexlify", "fromhex", "marshal",
      "pickle.loads", "rot", "::", "chr", "bytes", "bytearray", "decrypt", "fernet", "zlib", "lzma",
      "bz2", "codecs.decode"};

  private static boolean mayDecode(String t) {
    // Folded as RE2/J's (?i) folds these letters: ASCII case, and U+017F and U+212A, which fold
    // to s and k.
    char[] f = new char[t.length()];
    for (int i = 0; i < f.length; i++) {
      char c = t.charAt(i);
      f[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
    }
    String folded = new String(f);
    for (String lit : DECODE_LITERALS) {
      if (folded.contains(lit)) {
        return true;
      }
    }
    return false;
  }

  /** Data written by a dropper: decoded, a long encoded blob, or a network response. */
  private static boolean dropped(String t) {
    String head = t.length() > 20_000 ? t.substring(0, 20_000) : t;
    return DECODE.matcher(head).find() || BLOB.matcher(head).find() || FETCHED.matcher(head).find();
  }

  private static boolean hidden(String t) {
    String head = t.length() > 20_000 ? t.substring(0, 20_000) : t;
    return FETCH.matcher(head).find() || DECODE.matcher(head).find() || BLOB.matcher(head).find()
        || escapeHeavy(head);
  }

  /** At least three escapes ({@code \x41}, {@code \101}, {@code \u0041}) making up half the text or more. */
  static boolean escapeHeavy(String t) {
    int count = 0;
    int chars = 0;
    for (int i = 0; i + 1 < t.length(); i++) {
      if (t.charAt(i) != '\\') {
        continue;
      }
      char n = t.charAt(i + 1);
      int len = n == 'x' ? 4 : n == 'u' ? 6 : n == 'U' ? 10 : n >= '0' && n <= '7' ? 4 : 0;
      if (len > 0) {
        count++;
        chars += len;
        i += len - 1;
      }
    }
    return count >= 3 && chars * 2 >= t.length() - 4;
  }

  private static boolean pyarmor(String callee) {
    return callee.startsWith("__pyarmor") || callee.startsWith("pyarmor_runtime") || callee.startsWith("__armor");
  }
}
