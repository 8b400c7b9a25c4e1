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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven cases of following one import from setup.py or __init__.py into a sibling module:
 * each {@code testdata/py-follow/<case>.txt} holds a small package ({@code ### path} starts a
 * file), the heuristic to run and the target file. {@code pos-} cases must fire once on the
 * target, at the line marked {@code # <- behaviour}; {@code neg-} cases must not fire.
 */
class PyImportFollowTest {
  private static final String ROOT = "demo-1.0/";

  static Stream<String> cases() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void followsOneImportIntoTheSibling(String caseName) throws IOException {
    String text = Files.readString(dir().resolve(caseName), StandardCharsets.UTF_8);
    String heuristic = header(text, "heuristic");
    String target = ROOT + header(text, "target");
    Map<String, String> files = files(text);
    assertThat(files).as(caseName).containsKey(target);
    Heuristic h = PySurfaceHeuristic.all().stream().filter(x -> x.name().equals(heuristic)).findFirst().orElseThrow();
    List<Hit> hits = h.find(ScanFile.code(target, ContentType.PYTHON, files.get(target), false), view(files), Map.of());
    if (caseName.startsWith("pos-")) {
      assertThat(hits).as(caseName).hasSize(1);
      String src = files.get(target);
      int lineStart = src.lastIndexOf('\n', hits.get(0).start()) + 1;
      int lineEnd = src.indexOf('\n', hits.get(0).start());
      assertThat(src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd)).as(caseName).contains("# <- behaviour");
      assertThat(hits.get(0).detail()).as(caseName).contains("time: demo-1.0/").containsPattern(" (does|runs it as a program:) `");
    } else {
      assertThat(hits).as(caseName).isEmpty();
    }
  }

  /**
   * A setup.py or __init__.py judged for itself leaves its facts for the follow (no second parse):
   * judging every file of the package in turn, importers first, with one package view, gives each
   * file the same hits as judging it alone; so does an importer whose judged text differs from the
   * text the package view hands out (its facts are then taken again).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anImporterJudgedFirstGivesTheSameHits(String caseName) throws IOException {
    Map<String, String> files = files(Files.readString(dir().resolve(caseName), StandardCharsets.UTF_8));
    List<String> order = files.keySet().stream()
        .sorted(java.util.Comparator.comparing((String p) -> !(p.endsWith("/setup.py") || p.endsWith("/__init__.py")))
            .thenComparing(p -> p))
        .toList();
    for (boolean sameText : new boolean[] {true, false}) {
      PackageView shared = view(files);
      for (String path : order) {
        String text = sameText || !path.endsWith(".py") ? files.get(path) : files.get(path) + "\n# judged text\n";
        for (Heuristic h : PySurfaceHeuristic.all()) {
          List<Hit> together = h.find(ScanFile.code(path, ContentType.PYTHON, text, false), shared, Map.of());
          if (sameText) {
            List<Hit> alone = h.find(ScanFile.code(path, ContentType.PYTHON, text, false), view(files), Map.of());
            assertThat(together).as(caseName + " " + path + " " + h.name()).isEqualTo(alone);
          }
        }
      }
      for (String path : order) {
        for (Heuristic h : PySurfaceHeuristic.all()) {
          ScanFile f = ScanFile.code(path, ContentType.PYTHON, files.get(path), false);
          assertThat(h.find(f, shared, Map.of())).as(caseName + " " + path + " " + h.name() + " " + sameText)
              .isEqualTo(h.find(f, view(files), Map.of()));
        }
      }
    }
  }

  @Test
  void withoutSourcesNothingIsFollowed() throws IOException {
    String text = Files.readString(dir().resolve("pos-cmdclass-calls-helper.txt"), StandardCharsets.UTF_8);
    Map<String, String> files = files(text);
    String target = ROOT + "mypkg/helper.py";
    Map<String, ContentType> types = new LinkedHashMap<>();
    files.keySet().forEach(p -> types.put(p, ContentType.PYTHON));
    Heuristic h = PySurfaceHeuristic.all().get(0);
    ScanFile f = ScanFile.code(target, ContentType.PYTHON, files.get(target), false);
    assertThat(h.find(f, new PackageView(Optional.empty(), types, false), Map.of())).isEmpty();
    assertThat(h.find(f, PackageView.EMPTY, Map.of())).isEmpty();
    assertThat(h.find(f, view(files), Map.of())).hasSize(1);
  }

  private static PackageView view(Map<String, String> files) {
    Map<String, ContentType> types = new LinkedHashMap<>();
    files.keySet().forEach(p -> types.put(p, ContentType.PYTHON));
    return new PackageView(Optional.empty(), types, false, p -> Optional.ofNullable(files.get(p)));
  }

  private static String header(String text, String key) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# " + key + ": ")) {
        return line.substring(key.length() + 4).trim();
      }
    }
    throw new IllegalArgumentException("missing header " + key);
  }

  private static Map<String, String> files(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String path = "";
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("### ")) {
        if (!path.isEmpty()) {
          out.put(path, b.toString());
        }
        path = ROOT + line.substring(4).trim();
        b.setLength(0);
      } else if (!path.isEmpty()) {
        b.append(line).append('\n');
      }
    }
    if (!path.isEmpty()) {
      out.put(path, b.toString());
    }
    return out;
  }

  private static Path dir() {
    try {
      return Path.of(PyImportFollowTest.class.getResource("testdata/py-follow").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
