package dev.bulwark.analysis.deobf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Scope;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each {@code testdata/<case>.<ext>} is an obfuscated input and {@code
 * <case>.expected} a text that must appear in a revealed payload (up to three layers deep). An
 * empty expectation means nothing may be revealed.
 */
class DeobfuscatorTest {
  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".expected")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void revealsExpectedPayload(String name) throws Exception {
    String code = Files.readString(dir().resolve(name));
    String expected = Files.readString(dir().resolve(name.substring(0, name.lastIndexOf('.')) + ".expected"));
    List<ScanFile> all = revealAll(name, code);
    if (expected.isEmpty()) {
      assertThat(all).as(name).isEmpty();
    } else {
      assertThat(all).as(name).anySatisfy(f -> assertThat(f.text()).contains(expected));
      assertThat(all).allSatisfy(f -> {
        assertThat(f.scope()).isEqualTo(Scope.DECODED);
        assertThat(f.path()).startsWith(name + "!decoded/");
        assertThat(f.decoded()).isNotEmpty().hasSizeLessThanOrEqualTo(Deobfuscator.EXCERPT);
      });
    }
  }

  @Test
  void nestedLayersStopAtTheDepthTheCallerAllows() {
    String p = "process.env.TOKEN";
    byte[] b = p.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 5; i++) {
      b = java.util.Base64.getEncoder().encode(b);
    }
    List<ScanFile> layers = revealAll("deep.js", "const x = '" + new String(b, StandardCharsets.US_ASCII) + "';\n");
    assertThat(layers).noneSatisfy(f -> assertThat(f.text()).contains(p));
    assertThat(layers).allSatisfy(f -> assertThat(f.depth()).isLessThanOrEqualTo(3));
  }

  /** Peels layers like the engine does: up to depth 3. */
  private static List<ScanFile> revealAll(String name, String code) {
    ContentType type = ContentSniffer.sniff(name, code.getBytes(StandardCharsets.UTF_8));
    List<ScanFile> queue = new ArrayList<>(List.of(ScanFile.code(name, type, code, false)));
    List<ScanFile> revealed = new ArrayList<>();
    for (int i = 0; i < queue.size(); i++) {
      ScanFile f = queue.get(i);
      if (f.depth() < 3) {
        List<ScanFile> r = Deobfuscator.reveal(f, 1 << 20, 32);
        revealed.addAll(r);
        queue.addAll(r);
      }
    }
    return revealed;
  }

  private static Path dir() throws URISyntaxException {
    return Path.of(DeobfuscatorTest.class.getResource("testdata").toURI());
  }
}
