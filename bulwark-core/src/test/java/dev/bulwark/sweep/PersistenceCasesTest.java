package dev.bulwark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.AuditFinding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One testdata file per case: a header ({@code # place: home|root}, {@code # path: …},
 * {@code # expect: KIND|none}), a {@code ---} line, then the file to plant.
 */
class PersistenceCasesTest {
  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(PersistenceCasesTest.class
        .getResource("/dev/bulwark/sweep/testdata/persistence").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void persistenceCase(Path file, @TempDir Path home, @TempDir Path root) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int sep = text.indexOf("\n---\n");
    String header = text.substring(0, sep);
    String body = text.substring(sep + 5);
    String place = field(header, "place");
    String path = field(header, "path");
    String expect = field(header, "expect");
    Path target = (place.equals("home") ? home : root).resolve(path);
    FakeTree.write(target, body);

    SweepReport r = new Sweeper(d -> List.<AuditFinding>of(), java.time.Clock.systemUTC())
        .sweep(SweepOptions.of(home, root));

    if (expect.equals("none")) {
      assertThat(r.indicators()).isEmpty();
    } else {
      assertThat(r.indicators()).extracting(Indicator::kind, Indicator::path)
          .contains(org.assertj.core.groups.Tuple.tuple(expect, target.toString()));
    }
  }

  private static String field(String header, String name) {
    return header.lines().filter(l -> l.startsWith("# " + name + ":"))
        .map(l -> l.substring(name.length() + 3).strip()).findFirst().orElseThrow();
  }
}
