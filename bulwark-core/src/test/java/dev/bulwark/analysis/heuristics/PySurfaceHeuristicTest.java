package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven cases of the install-time and import-time heuristics:
 * {@code testdata/<heuristic>/pos-*} must fire, {@code neg-*} must not. The path inside the
 * package is the case name without its prefix, {@code --} standing for "/" (so that
 * {@code __init__.py} keeps its underscores).
 */
class PySurfaceHeuristicTest {
  static Stream<Arguments> cases() {
    return PySurfaceHeuristic.all().stream().flatMap(h -> names(h.name()).map(c -> Arguments.of(h.name(), c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void firesOnPositivesOnly(String heuristic, String caseName) throws IOException {
    Heuristic h = PySurfaceHeuristic.all().stream().filter(x -> x.name().equals(heuristic)).findFirst().orElseThrow();
    String text = Files.readString(dir(heuristic).resolve(caseName), StandardCharsets.UTF_8);
    String path = "demo-1.0/" + caseName.substring(4).replace("--", "/");
    ScanFile f = ScanFile.code(path, ContentType.PYTHON, text, false);
    List<Hit> hits = h.find(f, PackageView.EMPTY, Map.of());
    assertThat(hits).as(caseName).hasSize(caseName.startsWith("pos-") ? 1 : 0);
  }

  @Test
  void everyHeuristicHasBothKindsOfCaseAndMetadata() {
    for (Heuristic h : PySurfaceHeuristic.all()) {
      assertThat(names(h.name()).filter(c -> c.startsWith("pos-"))).as(h.name()).isNotEmpty();
      assertThat(names(h.name()).filter(c -> c.startsWith("neg-"))).as(h.name()).isNotEmpty();
      assertThat(h.meta().explanation().action()).isNotBlank();
      assertThat(BuiltinHeuristics.all().stream().map(Heuristic::name)).contains(h.name());
    }
  }

  @Test
  void decodedPayloadsAndVirtualFilesAreNotJudged() {
    Heuristic h = PySurfaceHeuristic.all().get(1);
    String code = "import os\nos.system('calc')\n";
    assertThat(h.find(ScanFile.code("setup.py", ContentType.PYTHON, code, false), PackageView.EMPTY, Map.of()))
        .hasSize(1);
    assertThat(h.find(ScanFile.code("setup.py#install", ContentType.PYTHON, code, false), PackageView.EMPTY,
        Map.of())).isEmpty();
  }

  @Test
  void programNamesAreNormalised() {
    assertThat(PyBehaviour.programOfText("'/usr/bin/Git.exe describe'")).isEqualTo("git");
    assertThat(PyBehaviour.programOfText("[\"python3.11\", \"-m\", \"build\"]")).isEqualTo("python");
    assertThat(PyBehaviour.programOfText("f\"{tool} --x\"")).isEmpty();
    assertThat(PyBehaviour.programOfText("'CORE_ONLY=yes CC=gcc bash ./make.sh'")).isEqualTo("bash");
    assertThat(PyBehaviour.programOfText("'==x'")).isEqualTo("==x");
    assertThat(PyBehaviour.programOfText("' '.join((cmd,))")).isEmpty();
    assertThat(PyBehaviour.programOfText("''")).isEmpty();
    assertThat(PyBehaviour.envDefault("shlex.split(os.environ.get('CXX', 'c++'))")).isEqualTo("'c++'");
    assertThat(PyBehaviour.envDefault("os.getenv(\"CC\", \"curl -s x\")")).isEqualTo("\"curl -s x\"");
    assertThat(PyBehaviour.envDefault("os.environ['CC']")).isEqualTo("os.environ['CC']");
    assertThat(PyBehaviour.escapeHeavy("\"\\145\\166\\x61\\x6c\"")).isTrue();
    assertThat(PyBehaviour.escapeHeavy("\"print('a\\n')\"")).isFalse();
  }

  private static Stream<String> names(String heuristic) {
    try (Stream<Path> s = Files.list(dir(heuristic))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir(String heuristic) {
    try {
      return Path.of(PySurfaceHeuristicTest.class.getResource("testdata/" + heuristic).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
