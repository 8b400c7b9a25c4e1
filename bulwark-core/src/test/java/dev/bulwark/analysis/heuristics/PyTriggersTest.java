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
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7L, 1207L})
  void neverHidesAJudgement(long seed) throws IOException {
    List<String> texts = corpus();
    Random r = new Random(seed);
    int judged = 0;
    int quiet = 0;
    for (int k = 0; k < 1_200; k++) {
      String t = mutate(texts.get(r.nextInt(texts.size())), r);
      if (judgedOnSomeSurface(t)) {
        judged++;
        assertThat(PyTriggers.mayJudge(t)).as("hidden judgement in [%s]", t).isTrue();
      } else if (!PyTriggers.mayJudge(t)) {
        quiet++;
      }
    }
    // the mutants exercise both answers
    assertThat(judged).isGreaterThan(150);
    assertThat(quiet).isGreaterThan(50);
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
