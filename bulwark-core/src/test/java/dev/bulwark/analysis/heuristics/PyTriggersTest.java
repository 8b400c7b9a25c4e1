package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * {@link PyTriggers}: {@code testdata/py-triggers/may-*} must pass the pre-check, {@code none-*}
 * must not; and the pre-check never hides a judgement: on every Python case of the install- and
 * import-time heuristics and on seeded mutants of them (blanks inside names, digits before
 * names, full-width letters, dangerous lines added, characters dropped, quotes, comment signs and
 * dots added), whenever
 * {@link PyBehaviour#judge} reports something for a surface of the text, the pre-check is true.
 */
class PyTriggersTest {
  /** Lines that some judgement reports, mixed into the mutants. */
  private static final String[] DANGEROUS = {
    "import os\nos.system('calc')\n",
    "import subprocess as s\ns.Popen(['curl', 'x'])\n",
    "import zlib\nexec(zlib.decompress(b'x'))\n",
    "from urllib.request import urlopen as u\nu('http://127.0.0.1/')\n",
    "import requests\nrequests.post('http://127.0.0.1/', data=b'')\n",
    "open('/etc/cron.d/x', 'w').write('x')\n",
    "import socket\nsocket.socket()\n",
    "__import__('os').popen('id')\n",
    "from http.client import HTTPConnection as H\nH('h')\n",
    "from os import system as s\ns('calc')\n",
    "import os as o\no.execv('/bin/sh', ['sh'])\n",
    "import platform\nplatform.popen('id')\n",
    "import builtins as b, zlib\nb.exec(zlib.decompress(b'x'))\n",
    "import importlib\nimportlib.import_module('os').system('curl x')\n",
    "import zlib\nx = 1.\nexec(zlib.decompress(b'x'))\n",
    "import zlib\nexec(zlib.decompress(b'x')) # 'quoted\n",
    "s = 'a'; import os; os.system(\"id\")\n",
  };
  /** Characters that open or close strings and comments, or make a callee dotted. */
  private static final String[] LEXICAL = {"\"", "'", "#", ".", "f'", "\"\"\"", "'''", "\\", "r'", "{", "}"};

  /** Definitions named like judged callees: well-formed, broken and in odd places. */
  private static final String[] DEFS = {
    "def eval(x):\n    return x\n",
    "    def compile(self, source):\n        pass\n",
    "def system (a, b):\n  pass\n",
    "\tdef  popen\t(x): pass\n",
    "def exec(zlib.decompress(b'x'))\n",
    "def eval(data)\n",
    "def requests(\n",
    "def __import__(name):\n    return name\n",
    "class K:\n    @classmethod\n    def eval(cls, a):\n        return a\n",
    "def urlopen(u) -> int:\n    ...\n",
    "def HTTPServer(self=eval(x)):\n  pass\n",
    "def subprocess(*a, **k): return exec(a)\n",
  };
  /** Characters that change what a definition line is: brackets, continuations, colons, keywords before it. */
  private static final String[] DEF_INSERTS = {"(", ")", "[", "]", "{", "}", "\\", "\\\n", ":", "\n", " ", "\t",
    "def ", "async ", "@", "lambda ", "=", ",", "\"", "'", "#", "\"\"\"", "class ", "\r\n", "x = ", "return ",
    "print ", "if ", "else", ";", "->"};

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(dir("py-triggers"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passesOnlyTextThatNamesAJudgedCall(String name) throws IOException {
    String text = Files.readString(dir("py-triggers").resolve(name), StandardCharsets.UTF_8);
    assertThat(PyTriggers.mayJudge(text)).as(name).isEqualTo(name.startsWith("may-"));
    if (!hasError(text)) {
      // valid code: the definitions' names apart (none-definitions-*), the same answer
      assertThat(PyTriggers.mayJudgeInValidCode(text)).as(name)
          .isEqualTo(name.startsWith("may-") && !name.startsWith("may-definitions-"));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7L, 1207L})
  void neverHidesAJudgement(long seed) throws IOException {
    List<String> texts = corpus();
    Random r = new Random(seed);
    int judged = 0;
    int validJudged = 0;
    int quiet = 0;
    for (int k = 0; k < 1_200; k++) {
      String t = mutate(texts.get(r.nextInt(texts.size())), r);
      if (judgedOnSomeSurface(t)) {
        judged++;
        assertThat(PyTriggers.mayJudge(t)).as("hidden judgement in [%s]", t).isTrue();
        if (!hasError(t)) {
          validJudged++;
          assertThat(PyTriggers.mayJudgeInValidCode(t)).as("hidden judgement in valid [%s]", t).isTrue();
        }
      } else if (!PyTriggers.mayJudge(t)) {
        quiet++;
      }
    }
    // the mutants exercise both answers
    assertThat(judged).isGreaterThan(150);
    assertThat(validJudged).isGreaterThan(50);
    assertThat(quiet).isGreaterThan(50);
  }

  /**
   * A name the pre-check passes over as a definition's ({@link PyTriggers#definedName}) is, in
   * tree-sitter-python's own tree of a text without error, a {@code function_definition}'s name:
   * never part of a callee or an import. In broken texts it can be a callee (error recovery); the
   * mutants make both, and the rule is only used after a parse without error.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11L, 1311L})
  void aSkippedNameIsADefinitionsNameInValidCode(long seed) throws IOException {
    List<String> texts = corpus();
    Random r = new Random(seed);
    int valid = 0;
    int broken = 0;
    for (int k = 0; k < 2_000; k++) {
      String t = mutateDefinitions(texts.get(r.nextInt(texts.size())), r);
      String code = PyCodeText.of(t);
      List<Integer> names = code == null ? List.of() : skippedNames(code);
      if (names.isEmpty()) {
        continue;
      }
      Optional<SyntaxTree> parsed = SyntaxTree.parse(Language.PYTHON, t, Budget.of(1_000_000, 60_000));
      assertThat(parsed).isPresent();
      try (SyntaxTree tree = parsed.get()) {
        if (tree.root().hasError()) {
          broken += names.size();
          continue;
        }
        for (int at : names) {
          valid++;
          assertThat(definitionNameAt(tree, at)).as("skipped name at %d in [%s]", at, t).isEmpty();
        }
      }
    }
    // the mutants exercise the rule on valid texts, and make broken ones too
    assertThat(valid).isGreaterThan(700);
    assertThat(broken).isGreaterThan(300);
  }

  /** Where the pre-check skips a name: every token start (after a space or tab) that {@link PyTriggers#definedName} accepts. */
  private static List<Integer> skippedNames(String t) {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i < t.length(); i++) {
      char c = t.charAt(i);
      char before = t.charAt(i - 1);
      if ((before == ' ' || before == '\t') && nameChar(c) && !(c >= '0' && c <= '9')) {
        int end = i;
        while (end < t.length() && nameChar(t.charAt(end))) {
          end++;
        }
        if (PyTriggers.definedName(t, i, end)) {
          out.add(i);
        }
      }
    }
    return out;
  }

  private static boolean nameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** Empty when the deepest node starting at {@code at} is the name of a function definition; else what it is. */
  private static Optional<String> definitionNameAt(SyntaxTree tree, int at) {
    TSNode n = tree.root();
    while (true) {
      TSNode next = null;
      for (int i = 0; i < n.getChildCount(); i++) {
        TSNode c = n.getChild(i);
        if (tree.startChar(c) <= at && at < tree.endChar(c)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        break;
      }
      n = next;
    }
    TSNode p = n.getParent();
    boolean name = tree.startChar(n) == at && n.getType().equals("identifier") && p != null && !p.isNull()
        && p.getType().equals("function_definition") && n.equals(p.getChildByFieldName("name"));
    return name ? Optional.empty()
        : Optional.of(n.getType() + " under " + (p == null || p.isNull() ? "-" : p.getType()));
  }

  private static String mutateDefinitions(String t, Random r) {
    StringBuilder b = new StringBuilder(t);
    for (int i = 0, n = 1 + r.nextInt(4); i < n && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(6)) {
        case 0, 1 -> b.insert(lineStart(b, at), DEFS[r.nextInt(DEFS.length)]);
        case 2, 3 -> b.insert(at, DEF_INSERTS[r.nextInt(DEF_INSERTS.length)]);
        case 4 -> b.deleteCharAt(at);
        default -> b.insert(lineStart(b, at), DANGEROUS[r.nextInt(DANGEROUS.length)]);
      }
    }
    return b.toString();
  }

  private static boolean hasError(String t) {
    Optional<SyntaxTree> tree = SyntaxTree.parse(Language.PYTHON, t, Budget.of(1_000_000, 60_000));
    assertThat(tree).isPresent();
    try (SyntaxTree s = tree.get()) {
      return s.root().hasError();
    }
  }

  private static boolean judgedOnSomeSurface(String t) {
    Optional<SyntaxTree> tree = SyntaxTree.parse(Language.PYTHON, t, Budget.of(1_000_000, 60_000));
    if (tree.isEmpty()) {
      return false;
    }
    try (SyntaxTree s = tree.get()) {
      Set<String> entries = Set.of("main", "run", "setup", "f", "install");
      return !PyBehaviour.judge(PySurface.of(s, true)).isEmpty()
          || !PyBehaviour.judge(PySurface.of(s, false)).isEmpty()
          || !PyBehaviour.judge(PySurface.of(s, true, entries, true, true)).isEmpty()
          || !PyBehaviour.judge(PySurface.of(s, false, entries, false, true)).isEmpty();
    }
  }

  private static String mutate(String t, Random r) {
    StringBuilder b = new StringBuilder(t);
    for (int i = 0, n = 1 + r.nextInt(3); i < n && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(8)) {
        case 0 -> b.insert(at, " \n\t".charAt(r.nextInt(3)));
        case 1 -> b.insert(at, (char) ('0' + r.nextInt(10)));
        case 2 -> {
          char c = b.charAt(at);
          if (c >= 'a' && c <= 'z') {
            b.setCharAt(at, (char) (0xFF41 + c - 'a'));  // full-width: NFKC folds it back
          }
        }
        case 3 -> b.deleteCharAt(at);
        case 4 -> b.insert(lineStart(b, at), DANGEROUS[r.nextInt(DANGEROUS.length)]);
        case 5, 6 -> b.insert(at, LEXICAL[r.nextInt(LEXICAL.length)]);
        default -> b.insert(lineStart(b, at), "x = 1\n");
      }
    }
    return b.toString();
  }

  private static int lineStart(StringBuilder b, int at) {
    int i = at;
    while (i > 0 && b.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** Every Python case of the install/import-time heuristics, the pre-check's own and the lines above. */
  private static List<String> corpus() throws IOException {
    List<String> out = new ArrayList<>(List.of(DANGEROUS));
    out.addAll(List.of(DEFS));
    try (Stream<Path> dirs = Files.list(dir("py-triggers").getParent())) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("py")).sorted().toList()) {
        try (Stream<Path> files = Files.walk(d)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (text.length() < 8_000) {
              out.add(text);
            }
          }
        }
      }
    }
    return out;
  }

  private static Path dir(String name) {
    try {
      return Path.of(PyTriggersTest.class.getResource("testdata/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
