package dev.bulwark.analysis.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each testdata file lists findings ("rule, category, severity, confidence, kind,
 * file[:line:column][, snippet]") and the expected verdict in a "# expect:" line.
 */
class VerdictModelTest {
  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictAsExpected(String name) throws Exception {
    List<String> lines = Files.readAllLines(dir().resolve(name));
    Verdict expected = Verdict.valueOf(lines.get(0).replace("# expect:", "").trim());
    VerdictModel.Assessment a = VerdictModel.assess(parse(lines));
    assertThat(a.verdict()).as(a.toString()).isEqualTo(expected);
    assertThat(a.score()).isBetween(0, 100);
    assertThat(a.reason()).endsWith(".").doesNotContain("\n");
  }

  @Test
  void capabilitiesAloneAreNeverMaliciousSeededRandom() {
    Random r = new Random(20261126L);
    for (int round = 0; round < 500; round++) {
      List<Finding> f = new ArrayList<>();
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        f.add(finding("cap-" + r.nextInt(30), pick(r, Category.values()), pick(r, Severity.values()),
            pick(r, Confidence.values()), false, "f" + r.nextInt(5) + ".js"));
      }
      VerdictModel.Assessment a = VerdictModel.assess(f);
      assertThat(a.verdict()).as(a.toString()).isNotEqualTo(Verdict.MALICIOUS);
      assertThat(a.score()).isLessThanOrEqualTo(Weights.CAPABILITY_ONLY_MAX);
    }
  }

  @Test
  void orderOfFindingsDoesNotMatter() throws Exception {
    List<Finding> f = parse(Files.readAllLines(dir().resolve("malicious-credential-hook.txt")));
    VerdictModel.Assessment a = VerdictModel.assess(f);
    List<Finding> shuffled = new ArrayList<>(f);
    Collections.shuffle(shuffled, new Random(3));
    assertThat(VerdictModel.assess(shuffled)).isEqualTo(a);
    assertThat(a.reason()).contains("env-exfil").contains("steal.js");
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  static List<Finding> parse(List<String> lines) {
    List<Finding> out = new ArrayList<>();
    for (String l : lines) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] p = l.split(",");
      Finding f = finding(p[0].trim(), Category.parse(p[1]).orElseThrow(), Severity.parse(p[2]).orElseThrow(),
          Confidence.parse(p[3]).orElseThrow(), p[4].trim().equals("threat"), p[5].trim());
      if (p.length > 6) {
        f = new Finding(f.ruleId(), f.category(), f.severity(), f.confidence(), f.threat(), f.location(),
            p[6].trim(), "", f.message());
      }
      out.add(f);
    }
    return out;
  }

  /** {@code file} may end in {@code :line:column} (a place in a bundle); else line 1. */
  static Finding finding(String id, Category c, Severity s, Confidence conf, boolean threat, String file) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*):(\\d+):(\\d+)").matcher(file);
    SourceLocation loc = m.matches()
        ? new SourceLocation(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
        : SourceLocation.of(file, 1);
    return new Finding(id, c, s, conf, threat, loc, "x", "", "Does " + id + ".");
  }

  private static Path dir() throws Exception {
    return Path.of(VerdictModelTest.class.getResource("testdata").toURI());
  }
}
