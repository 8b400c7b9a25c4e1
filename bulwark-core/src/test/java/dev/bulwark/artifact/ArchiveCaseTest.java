package dev.bulwark.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each testdata/*.case file describes an archive (built at run time) and what the
 * reader must return for it.
 */
class ArchiveCaseTest {
  @TempDir Path tmp;

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(ArchiveCaseTest.class.getResource("testdata").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".case")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsCase(Path caseFile) throws IOException {
    List<String> lines = Files.readAllLines(caseFile, StandardCharsets.UTF_8);
    String format = value(lines, "format").orElseThrow();
    List<TestArchives.Entry> entries = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("entry: ")) {
        entries.add(entry(l.substring(7)));
      }
    }
    Path input = write(format, entries);

    Artifact a = new ArtifactReader(ReaderLimits.defaults()).read(input, Optional.empty()).get(0);

    List<String> paths = a.files().stream().map(ArtifactFile::path).toList();
    String expected = value(lines, "expect-files").orElseThrow();
    assertThat(paths).containsExactlyElementsOf(
        expected.isBlank() ? List.of() : Arrays.stream(expected.split(", ")).map(String::trim).toList());
    List<String> findings = a.readerFindings().stream()
        .map(f -> f.ruleId() + " " + f.location().file()).toList();
    List<String> wantFindings = lines.stream().filter(l -> l.startsWith("expect-finding: "))
        .map(l -> unescape(l.substring(16))).toList();
    assertThat(findings).containsExactlyInAnyOrderElementsOf(wantFindings);
    assertThat(a.readerFindings()).allSatisfy(ArchiveCaseTest::hasRuleMetadata);
    value(lines, "expect-package").ifPresent(p -> assertPackage(a, p));
    value(lines, "expect-content").ifPresent(c -> {
      String[] pc = c.split(" ", 2);
      assertThat(new String(file(a, pc[0]).content(), StandardCharsets.UTF_8)).isEqualTo(pc[1]);
    });
    value(lines, "expect-executable").ifPresent(p -> assertThat(file(a, p).executable()).isTrue());
    if (lines.contains("expect-no-findings")) {
      assertThat(a.readerFindings()).isEmpty();
      assertThat(a.errors()).isEmpty();
    }
    assertThat(a.files()).isSortedAccordingTo((x, y) -> x.path().compareTo(y.path()));
  }

  private static void hasRuleMetadata(Finding f) {
    ReaderFindingRule r = ReaderFindingRules.find(f.ruleId()).orElseThrow();
    assertThat(f.severity()).isEqualTo(r.severity());
    assertThat(f.message()).isNotBlank();
  }

  private static void assertPackage(Artifact a, String spec) {
    if (spec.equals("none")) {
      assertThat(a.ecosystem()).isEmpty();
      assertThat(a.name()).isEmpty();
      return;
    }
    String[] p = spec.split(" ");
    assertThat(a.ecosystem().orElseThrow().osvName()).isEqualTo(p[0]);
    assertThat(a.name()).isEqualTo(p[1].equals("-") ? "" : p[1]);
    assertThat(a.version()).isEqualTo(p[2].equals("-") ? "" : p[2]);
  }

  private static ArtifactFile file(Artifact a, String path) {
    return a.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  private Path write(String format, List<TestArchives.Entry> entries) throws IOException {
    byte[] bytes;
    String name;
    if (format.startsWith("gz:") || format.startsWith("loose:")) {
      name = format.substring(format.indexOf(':') + 1);
      byte[] data = entries.get(0).data();
      bytes = format.startsWith("gz:") ? TestArchives.gzip(data) : data;
    } else {
      name = "input." + format;
      bytes = switch (format) {
        case "tgz" -> TestArchives.gzip(TestArchives.tar(entries));
        case "tar" -> TestArchives.tar(entries);
        case "tar.bz2" -> TestArchives.bzip2(TestArchives.tar(entries));
        case "tar.xz" -> TestArchives.xz(TestArchives.tar(entries));
        case "zip" -> TestArchives.zip(entries);
        default -> throw new IllegalArgumentException(format);
      };
    }
    // Extensions are deliberately wrong half the time: detection is by magic bytes.
    boolean named = format.contains(":") || name.hashCode() % 2 == 0;
    Path p = tmp.resolve(named ? name : "input.bin");
    Files.write(p, bytes);
    return p;
  }

  private static TestArchives.Entry entry(String spec) {
    String[] parts = spec.split(" ", 3);
    String name = unescape(parts[1]);
    String rest = parts.length > 2 ? unescape(parts[2]) : "";
    return switch (parts[0]) {
      case "file" -> TestArchives.file(name, rest);
      case "symlink" -> TestArchives.link(TestArchives.Type.SYMLINK, name, rest);
      case "hardlink" -> TestArchives.link(TestArchives.Type.HARDLINK, name, rest);
      case "fifo" -> TestArchives.link(TestArchives.Type.FIFO, name, "");
      default -> throw new IllegalArgumentException(spec);
    };
  }

  /** \n, \0 and \\ escapes. */
  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == '0' ? '\0' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Optional<String> value(List<String> lines, String key) {
    return lines.stream().filter(l -> l.startsWith(key + ":"))
        .map(l -> l.substring(key.length() + 1).trim()).findFirst();
  }
}
