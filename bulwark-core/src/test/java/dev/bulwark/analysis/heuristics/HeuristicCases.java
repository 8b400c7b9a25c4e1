package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Table-driven cases for heuristics: {@code testdata/<heuristic>/pos-*} must fire, {@code neg-*}
 * must not. The package path is the case name without its prefix, "__" standing for "/". The
 * package around it also holds a readable {@code index.js} and {@code main.py}.
 */
final class HeuristicCases {
  private HeuristicCases() {}

  static Stream<String> cases(String heuristic) {
    try (Stream<Path> s = Files.list(dir(heuristic))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void check(Heuristic h, String caseName) throws IOException {
    byte[] bytes = Files.readAllBytes(dir(h.name()).resolve(caseName));
    String path = caseName.substring(4).replace("__", "/");
    ContentType type = ContentSniffer.sniff(path, bytes);
    String text = type.isText() ? utf8(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
    ScanFile f = ScanFile.code(path, type, text, false);
    PackageView pkg = new PackageView(Optional.empty(),
        Map.of(path, type, "index.js", ContentType.JAVASCRIPT, "main.py", ContentType.PYTHON), false);
    List<Hit> hits = h.find(f, pkg, Map.of());
    assertThat(hits).as(caseName).hasSize(caseName.startsWith("pos-") ? 1 : 0);
  }

  /** Runs a heuristic with default parameters on a JavaScript text built by a test. */
  static List<Hit> find(Heuristic h, String path, String text) {
    ScanFile f = ScanFile.code(path, ContentType.JAVASCRIPT, text, false);
    PackageView pkg = new PackageView(Optional.empty(), Map.of(path, ContentType.JAVASCRIPT), false);
    return h.find(f, pkg, Map.of());
  }

  /**
   * Some code, {@code blank} blank lines, then a loader followed by {@code tail} more characters of
   * ordinary code: the shape of blank-line padding (short tail) and of a bundle's gap (long tail).
   */
  static String paddedTail(int blank, int tail) {
    StringBuilder b = new StringBuilder("module.exports = { content: ['./src/**/*.js'] };\n");
    b.append("\n".repeat(blank));
    b.append("global['r'] = require; eval(Buffer.from(process.env.X, 'base64').toString());\n");
    String line = "function f(a) { return a + 1; }\n";
    while (tail > 0) {
      b.append(line);
      tail -= line.length();
    }
    return b.toString();
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path dir(String heuristic) {
    try {
      return Path.of(HeuristicCases.class.getResource("testdata/" + heuristic).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
