package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * {@link PyCodeText} keeps all of tree-sitter-python's code: for every text it does not give up
 * on, every leaf of the syntax tree other than a comment or a piece of a string lies in the view's
 * code, unchanged. Over the heuristics' Python cases, {@code testdata/py-code-text} (strings,
 * format strings, Python 2, CRLF, broken files) and seeded mutants of them (quotes, prefixes,
 * braces, backslashes, comment signs and line breaks added; characters dropped; dangerous lines
 * added inside and outside strings; texts cut short), broken files with error recovery included.
 * With {@code -Dbulwark.pycode.dir=DIR} it also runs over every .py file under DIR (the Debian set).
 */
class PyCodeTextTest {
  /** Leaves the view may blank: comments and the pieces of string literals. */
  private static final Set<String> NOT_CODE = Set.of("comment", "string_start", "string_content", "string_end",
      "escape_sequence", "escape_interpolation");

  private static final String[] INSERTS = {"\"", "'", "\"\"\"", "'''", "#", "(", ")", "[", "]", "{", "}", "\\",
      "\n", " ", ":", "f", "r", "b", "u", "rb", "f\"", "f'", "x", " = ", "def ", "print ", "\t", "\r\n", "{{",
      "!r", "class ", "lambda "};
  private static final String[] LINES = {
    "s = \"os.system('calc')\"\n",
    "'''\nimport os\nos.system(\"x\")\n'''\n",
    "# subprocess.Popen(['curl', 'x'])\n",
    "x = f\"{os.system('x')}\"\n",
    "import os\nos.system('calc')\n",
    "t = 'requests.get(\"h\")' + \"eval(x)\"\n",
    "u = r'\\' + exec(y)\n",
    "v = f'{a[\"k\"]:>{w}} {b!r}'\n",
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3L, 1303L})
  void keepsEveryCodeLeafOfSeededMutants(long seed) throws IOException {
    List<String> texts = corpus();
    Random r = new Random(seed);
    int checked = 0;
    int unsure = 0;
    int blanked = 0;
    for (int k = 0; k < 1_500; k++) {
      String t = mutate(texts.get(r.nextInt(texts.size())), r);
      String v = PyCodeText.of(t);
      if (v == null) {
        unsure++;
        continue;
      }
      assertThat(v).hasSameSizeAs(t);
      if (!v.equals(t)) {
        blanked++;
      }
      assertThat(firstCodeLeafLost(t, v)).as("code lost in [%s]", t).isEmpty();
      checked++;
    }
    // both answers occur, and most texts keep a view that differs from the text
    assertThat(checked).isGreaterThan(600);
    assertThat(unsure).isGreaterThan(100);
    assertThat(blanked).isGreaterThan(400);
  }

  @Test
  void keepsEveryCodeLeafOfTheCases() throws IOException {
    for (String t : corpus()) {
      String v = PyCodeText.of(t);
      if (v != null) {
        assertThat(firstCodeLeafLost(t, v)).as("code lost in [%s]", t).isEmpty();
      }
    }
  }

  @Test
  void blanksCommentsAndPlainStringsOnly() throws IOException {
    String t = Files.readString(dir().resolve("strings.py"), StandardCharsets.UTF_8);
    String v = PyCodeText.of(t);
    assertThat(v).isNotNull();
    for (String hidden : List.of("system", "requests", "Popen", "eval", "exec", "socket", "urlopen",
        "popen", "spawn", "not-a-comment")) {
      assertThat(v).as(hidden).doesNotContain(hidden);
    }
    assertThat(v).contains("import re", "re.compile(", "A = ", "N = ");
    String f = PyCodeText.of(Files.readString(dir().resolve("fstrings.py"), StandardCharsets.UTF_8));
    assertThat(f).isNotNull().contains("os.getcwd()", "os.path.join('a', 'b')", "\"inner \"");
  }

  @Test
  void givesUpWhereItCannotBeSure() {
    for (String t : List.of("x = 'open\n", "x = \"\"\"never closed\n", "x = abc'q'\n", "f'{a # c}'\n",
        "f'{a[\\'k\\']}'\n", "f\"{a:'>3}\"\n", "r'\\\n'\n", "f'{x\n}'\n", "f(a, \\\"b\")\n")) {
      assertThat(PyCodeText.of(t)).as(t).isNull();
    }
    assertThat(PyCodeText.of("x = 'a' # c\n")).isEqualTo("x = " + gap(3) + " " + gap(3) + "\n");
  }

  /** The Debian set (or any folder of Python files), when asked for: a check, not a figure. */
  @Test
  @EnabledIfSystemProperty(named = "bulwark.pycode.dir", matches = ".+")
  void keepsEveryCodeLeafOfAFolder() throws IOException {
    Path root = Path.of(System.getProperty("bulwark.pycode.dir"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList();
    }
    long bytes = 0;
    long unsure = 0;
    long checked = 0;
    for (Path p : files) {
      String t;
      try {
        t = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
      } catch (CharacterCodingException e) {
        continue;
      }
      if (t.length() > 4_000_000) {
        continue;
      }
      String v = PyCodeText.of(t);
      if (v == null) {
        unsure++;
        continue;
      }
      bytes += t.length();
      checked++;
      assertThat(firstCodeLeafLost(t, v)).as("code lost in %s", p).isEmpty();
    }
    System.err.printf("PyCodeText: %d files checked (%d chars), %d given up%n", checked, bytes, unsure);
  }

  /** The first leaf outside comments and strings that the view does not keep, as text. */
  static Optional<String> firstCodeLeafLost(String t, String v) {
    Optional<SyntaxTree> parsed = SyntaxTree.parse(Language.PYTHON, t, Budget.of(50_000_000, 120_000));
    assertThat(parsed).isPresent();
    try (SyntaxTree tree = parsed.get(); TSTreeCursor c = new TSTreeCursor(tree.root())) {
      while (true) {
        if (c.gotoFirstChild()) {
          continue;
        }
        TSNode leaf = c.currentNode();
        if (!NOT_CODE.contains(leaf.getType()) && !loneBackslash(leaf)) {
          int from = tree.startChar(leaf);
          int to = tree.endChar(leaf);
          for (int k = from; k < to; k++) {
            if (v.charAt(k) != t.charAt(k)) {
              return Optional.of(leaf.getType() + " at " + from + ": " + t.substring(from, to));
            }
          }
        }
        while (!c.gotoNextSibling()) {
          if (!c.gotoParent()) {
            return Optional.empty();
          }
        }
      }
    }
  }

  /** A backslash that starts no escape sequence, inside a string's content. */
  private static boolean loneBackslash(TSNode leaf) {
    TSNode p = leaf.getParent();
    return leaf.getType().equals("\\") && p != null && !p.isNull()
        && (p.getType().equals("string_content") || p.getType().equals("string"));
  }

  private static String gap(int n) {
    return String.valueOf(PyCodeText.GAP).repeat(n);
  }

  private static String mutate(String t, Random r) {
    StringBuilder b = new StringBuilder(t);
    for (int i = 0, n = 1 + r.nextInt(4); i < n && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(7)) {
        case 0, 1 -> b.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
        case 2 -> b.deleteCharAt(at);
        case 3 -> b.insert(lineStart(b, at), LINES[r.nextInt(LINES.length)]);
        case 4 -> b.insert(at, LINES[r.nextInt(LINES.length)]);
        case 5 -> b.setLength(at);
        default -> {
          int s = lineStart(b, at);
          int e = b.indexOf("\n", at);
          if (e > s) {
            b.insert(s, b.substring(s, e + 1));
          }
        }
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

  /** The Python cases of the heuristics' testdata (py-code-text included), at most 8,000 characters each. */
  private static List<String> corpus() throws IOException {
    List<String> out = new ArrayList<>(List.of(LINES));
    try (Stream<Path> dirs = Files.list(dir().getParent())) {
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

  private static Path dir() {
    try {
      return Path.of(PyCodeTextTest.class.getResource("testdata/py-code-text").toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
