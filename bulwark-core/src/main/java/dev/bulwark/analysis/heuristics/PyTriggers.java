package dev.bulwark.analysis.heuristics;

import java.text.Normalizer;

/**
 * A pre-check on a Python file's text, before the install/import-time judgement parses it:
 * false only when {@link PyBehaviour#judge} cannot report anything for any surface of the file,
 * so that the parse (tree-sitter, the larger part of a Python package's scan) can be spared.
 *
 * <p>Every judgement needs a call whose resolved callee has a part that the judgement names:
 * {@code requests}, {@code urlopen}, {@code socket}, {@code system} (with {@code os}), {@code subprocess},
 * {@code exec}, {@code open} (a write into the user's folders, which also needs one of the
 * folder words in the text), … ({@link PySurface#resolve}). Such a part is the text of one or
 * more identifier tokens of the file: the callee's text with spaces, tabs and newlines taken
 * out, or an import alias's text; tokens never split inside a run of ASCII letters, digits and
 * underscores, except after leading digits ({@code 1eval} is a number and a name). So the check
 * looks for a literal made of consecutive tokens that only blanks separate, starting where a
 * token (or the name after a number) starts and ending where a token ends; dynamic imports
 * ({@code __import__(…)}, and {@code importlib.import_module(…)} when both names occur: the only
 * callees whose rewriting takes text from quotes, and only at the callee's start) make it answer
 * true. {@code exec}, {@code eval}, {@code compile} and {@code execfile} are judged only as the
 * whole callee or after {@code builtins.} (an alias of it): such a part right after an attribute
 * dot ({@code re.compile}, {@code cls.eval}) counts only when {@code builtins} occurs too. A run of text with non-ASCII characters is NFKC-normalised (as Python and
 * {@link PySurface#norm} read identifiers) and may hold a literal anywhere. The tokens are read
 * in the file's code only ({@link PyCodeText}: comments and plain strings blanked, the whole text
 * when that lexer is unsure); the user-folder words, which are string arguments, in the whole
 * text. Hand-written: one pass with a small trie, no regex.
 */
final class PyTriggers {
  private static final int NET = 1;
  private static final int PROCESS = 2;
  private static final int EXEC = 4;
  private static final int OPEN = 8;
  private static final int DYNAMIC = 16;
  private static final int OS_CALL = 32;
  private static final int OS_MODULE = 64;
  /** An exec/eval/compile part right after a dot ({@code re.compile}): counts only with {@link #BUILTINS}. */
  private static final int EXEC_DOTTED = 128;
  /** {@code builtins}, which an alias may put before a dotted exec part ({@code b.eval} after {@code import builtins as b}). */
  private static final int BUILTINS = 256;
  /** {@code import_module}: a dynamic import only as {@code importlib.import_module(…)}, with {@link #IMPORTLIB}. */
  private static final int IMPORT_MODULE = 512;
  private static final int IMPORTLIB = 1024;
  /** The pyarmor runtime's prefixes (apart from {@link #EXEC}, which a dot before it may turn into {@link #EXEC_DOTTED}). */
  private static final int EXEC_PREFIX = 2048;

  /** Callee parts that {@link PyBehaviour#network} names (dns.resolver.* by its middle part). */
  private static final String[] NET_PARTS = {"requests", "httpx", "urllib3", "urlopen", "urlretrieve",
      "socket", "smtplib", "ftplib", "telnetlib", "resolver", "wget", "pycurl"};
  /**
   * Last parts of the started-program calls that only {@code os} has: they count only in text that
   * also names {@code os} (the callee's first part, written in the call or in the import that
   * binds its alias), so that {@code platform.system()} alone does not.
   */
  private static final String[] OS_CALL_PARTS = {"system", "popen2", "popen3", "execl", "execle",
      "execlp", "execv", "execve", "execvp", "execvpe", "spawnl", "spawnlp", "spawnv", "spawnvp", "startfile",
      "posix_spawn", "posix_spawnp"};
  /** Other started-program calls (os or platform.popen, pty.spawn, …), and subprocess, every call of which counts. */
  private static final String[] PROCESS_PARTS = {"popen", "subprocess", "spawn", "getoutput", "getstatusoutput",
      "create_subprocess_shell", "create_subprocess_exec"};
  private static final String[] EXEC_PARTS = {"exec", "eval", "compile", "execfile"};
  /** Calls that may write a file (open and io/codecs.open; shutil.copy*, shutil.move). */
  private static final String[] OPEN_PARTS = {"open", "shutil"};
  private static final String[] DYNAMIC_PARTS = {"__import__"};
  /** Parts a callee only starts with: http.client.HTTP*, the pyarmor runtime. */
  private static final String[] NET_PREFIXES = {"HTTP"};
  private static final String[] EXEC_PREFIXES = {"__pyarmor", "pyarmor_runtime", "__armor"};
  /**
   * One literal of every alternative of PyBehaviour's user-folder pattern, lower case (the
   * pattern is case-insensitive).
   */
  static final String[] USER_FOLDER_WORDS = {"userprofile", "appdata", "expanduser", "home", "getlogin",
      "users", "desktop", "start menu", "startup", "bashrc", "zshrc", "profile", "/etc/", "launchagents",
      "autostart"};

  private static final Trie TRIE = new Trie();

  static {
    TRIE.add(NET_PARTS, NET, false);
    TRIE.add(PROCESS_PARTS, PROCESS, false);
    TRIE.add(OS_CALL_PARTS, OS_CALL, false);
    TRIE.add(new String[] {"os"}, OS_MODULE, false);
    TRIE.add(EXEC_PARTS, EXEC, false);
    TRIE.add(OPEN_PARTS, OPEN, false);
    TRIE.add(DYNAMIC_PARTS, DYNAMIC, false);
    TRIE.add(new String[] {"import_module"}, IMPORT_MODULE, false);
    TRIE.add(new String[] {"importlib"}, IMPORTLIB, false);
    TRIE.add(new String[] {"builtins"}, BUILTINS, false);
    TRIE.add(NET_PREFIXES, NET, true);
    TRIE.add(EXEC_PREFIXES, EXEC_PREFIX, true);
  }

  private PyTriggers() {}

  /** False only when no install/import-time judgement can fire on this text (see the class). */
  static boolean mayJudge(String text) {
    return mayJudge(text, false);
  }

  /**
   * As {@link #mayJudge(String)}, passing over the names that definitions bind
   * ({@link #definedName}): exact only for a text whose syntax tree has no error (in a broken
   * file tree-sitter's error recovery can read such a name as a callee, even one far from the
   * error), so it is asked after the parse.
   */
  static boolean mayJudgeInValidCode(String text) {
    return mayJudge(text, true);
  }

  private static boolean mayJudge(String text, boolean definitions) {
    // callee parts are names in code: comments and plain strings hold none (PyCodeText), except
    // the module of a dynamic import, which is itself a name in code (DYNAMIC, IMPORT_MODULE with IMPORTLIB)
    String code = PyCodeText.of(text);
    int found = code == null ? parts(text, false) : parts(code, definitions);
    if ((found & OS_CALL) != 0 && (found & OS_MODULE) != 0) {
      return true;
    }
    if ((found & (NET | PROCESS | EXEC | EXEC_PREFIX | DYNAMIC)) != 0) {
      return true;
    }
    if ((found & EXEC_DOTTED) != 0 && (found & BUILTINS) != 0) {
      return true;
    }
    if ((found & IMPORT_MODULE) != 0 && (found & IMPORTLIB) != 0) {
      return true;
    }
    return (found & OPEN) != 0 && userFolderWord(text);
  }

  /**
   * The groups of the callee parts found in the text (bits).
   *
   * @param lexed true to pass over definitions' names ({@link #definedName}); only in
   *     {@link PyCodeText}'s view of a text that parses without error
   */
  private static int parts(String t, boolean lexed) {
    int found = 0;
    int n = t.length();
    int i = 0;
    while (i < n) {
      if (!wordChar(t.charAt(i))) {
        i++;
        continue;
      }
      // a word: identifier-like runs that only blanks separate (the blanks a callee loses)
      int end = i;
      int j = i;
      boolean ascii = true;
      while (j < n && (wordChar(t.charAt(j)) || blank(t.charAt(j)))) {
        char c = t.charAt(j);
        if (!blank(c)) {
          end = j + 1;
          ascii &= c < 0x80;
        }
        j++;
      }
      found |= ascii ? asciiWord(t, i, end, lexed) : otherWord(t, i, end);
      i = j;
    }
    return found;
  }

  /** Literals built of whole tokens (the name after leading digits counting as a token). */
  private static int asciiWord(String t, int from, int to, boolean lexed) {
    int found = 0;
    int i = from;
    while (i < to) {
      if (blank(t.charAt(i))) {
        i++;
        continue;
      }
      boolean digitLed = digit(t.charAt(i));
      int tokenEnd = i;
      while (tokenEnd < to && !blank(t.charAt(tokenEnd))) {
        tokenEnd++;
      }
      if (lexed && !digitLed && definedName(t, i, tokenEnd)) {
        // `def eval(`: the name a definition binds is no callee and no import alias
        i = tokenEnd;
        continue;
      }
      for (int s = i; s < tokenEnd; s++) {
        if (s == i && !digitLed || digitLed && !digit(t.charAt(s))) {
          int bits = walk(t, s, to);
          if ((bits & EXEC) != 0 && afterDot(t, s)) {
            // `x.eval(…)`, `re.compile(…)`: the callee is dotted, so it is exec/eval/compile only
            // as builtins.<part> (an alias of builtins before the dot)
            bits = bits & ~EXEC | EXEC_DOTTED;
          }
          found |= bits;
        }
        if (!digitLed) {
          break;
        }
      }
      i = tokenEnd;
    }
    return found;
  }

  /**
   * Whether the token {@code [start, end)} is the name of a function definition as written on
   * one line: the line holds, from its start, only spaces or tabs, the keyword {@code def}, at
   * least one space or tab, the name, spaces or tabs and an opening parenthesis. In a text that
   * tree-sitter parses without error such a name is a {@code function_definition}'s name, never
   * part of a callee or an import ({@code PyTriggersTest} holds this against the tree on seeded
   * mutants). Not in a broken text: inside brackets left open on an earlier line, or after a
   * definition missing its colon elsewhere in the file, error recovery has read a well-formed
   * {@code def popen(path):} line as a call of {@code popen}. A line break, a continuation,
   * {@code async} or anything else before {@code def} keeps the name a candidate.
   */
  static boolean definedName(String t, int start, int end) {
    int k = start - 1;
    if (k < 0 || t.charAt(k) != ' ' && t.charAt(k) != '\t') {
      return false;
    }
    while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
      k--;
    }
    if (k < 2 || t.charAt(k) != 'f' || t.charAt(k - 1) != 'e' || t.charAt(k - 2) != 'd') {
      return false;
    }
    k -= 3;
    while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
      k--;
    }
    if (k >= 0 && (t.charAt(k) != '\n' || continued(t, k))) {
      return false;
    }
    int e = end;
    while (e < t.length() && (t.charAt(e) == ' ' || t.charAt(e) == '\t')) {
      e++;
    }
    return e < t.length() && t.charAt(e) == '(';
  }

  /** Whether the line break at {@code nl} follows a backslash (a line continued). */
  private static boolean continued(String t, int nl) {
    int k = nl - 1;
    if (k >= 0 && t.charAt(k) == '\r') {
      k--;
    }
    return k >= 0 && t.charAt(k) == '\\';
  }

  /**
   * Whether an attribute dot comes right before {@code start} (spaces and tabs between): the
   * dot of {@code x.eval} or {@code x . eval} after a name or a closing bracket, not a line break, not the dot of a number
   * ({@code 1.}) or of {@code ...}, whose next name may be a call of its own.
   */
  private static boolean afterDot(String t, int start) {
    int k = start - 1;
    while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
      k--;
    }
    if (k < 1 || t.charAt(k) != '.') {
      return false;
    }
    k--;
    while (k > 0 && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
      k--;
    }
    char before = t.charAt(k);
    return before >= 'a' && before <= 'z' || before >= 'A' && before <= 'Z' || before == '_'
        || before == ')' || before == ']';
  }

  /**
   * Walks the trie from {@code start} over the word's characters, skipping blanks: a whole-part
   * literal counts where a token ends, a prefix literal anywhere.
   */
  private static int walk(String t, int start, int to) {
    int found = 0;
    int node = 0;
    for (int k = start; k < to; k++) {
      char c = t.charAt(k);
      if (blank(c)) {
        continue;
      }
      node = TRIE.next(node, c);
      if (node < 0) {
        return found;
      }
      found |= TRIE.prefixBits(node);
      boolean tokenEnds = k + 1 == to || blank(t.charAt(k + 1));
      if (tokenEnds) {
        found |= TRIE.wholeBits(node);
      }
    }
    return found;
  }

  /** A word with non-ASCII characters: normalised as Python reads names, literals anywhere. */
  private static int otherWord(String t, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    for (int k = from; k < to; k++) {
      char c = t.charAt(k);
      if (!blank(c)) {
        b.append(c);
      }
    }
    String w = Normalizer.normalize(b, Normalizer.Form.NFKC);
    int found = 0;
    for (int s = 0; s < w.length(); s++) {
      int node = 0;
      for (int k = s; k < w.length() && node >= 0; k++) {
        node = TRIE.next(node, w.charAt(k));
        if (node >= 0) {
          found |= TRIE.prefixBits(node) | TRIE.wholeBits(node);
        }
      }
    }
    return found;
  }

  /**
   * Whether the text holds a literal of the user-folder pattern, folded as RE2/J's
   * case-insensitive matching folds the letters of these words (ASCII case, and U+017F and
   * U+212A, which fold to s and k).
   */
  static boolean userFolderWord(String t) {
    char[] f = new char[t.length()];
    for (int i = 0; i < f.length; i++) {
      char c = t.charAt(i);
      f[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
    }
    String folded = new String(f);
    for (String w : USER_FOLDER_WORDS) {
      if (folded.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Characters of identifier tokens: ASCII letters, digits, underscore, and any non-ASCII. */
  private static boolean wordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
  }

  /** The characters {@link PySurface#resolve} takes out of a callee. */
  private static boolean blank(char c) {
    return c == ' ' || c == '\n' || c == '\t';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A trie over ASCII literals; node 0 is the root. */
  private static final class Trie {
    private int[][] next = new int[64][];
    private int[] whole = new int[64];
    private int[] prefix = new int[64];
    private int size = 1;

    Trie() {
      next[0] = new int[128];
    }

    void add(String[] words, int bit, boolean asPrefix) {
      for (String w : words) {
        int node = 0;
        for (int i = 0; i < w.length(); i++) {
          int c = w.charAt(i);
          if (next[node][c] == 0) {
            grow();
            next[size] = new int[128];
            next[node][c] = size++;
          }
          node = next[node][c];
        }
        if (asPrefix) {
          prefix[node] |= bit;
        } else {
          whole[node] |= bit;
        }
      }
    }

    private void grow() {
      if (size == next.length) {
        next = java.util.Arrays.copyOf(next, size * 2);
        whole = java.util.Arrays.copyOf(whole, size * 2);
        prefix = java.util.Arrays.copyOf(prefix, size * 2);
      }
    }

    /** The child for {@code c}, or -1. */
    int next(int node, char c) {
      if (c >= 128) {
        return -1;
      }
      int n = next[node][c];
      return n == 0 ? -1 : n;
    }

    int wholeBits(int node) {
      return whole[node];
    }

    int prefixBits(int node) {
      return prefix[node];
    }
  }
}
