package dev.bulwark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.eval.EvalReport.FalsePositive;
import dev.bulwark.eval.EvalReport.Miss;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvalMetricsTest {

  @ParameterizedTest
  @ValueSource(strings = {"mixed", "perfect", "nothing-flagged", "errors-excluded", "per-ecosystem",
    "incomplete"})
  void figuresMatchTheCaseFile(String name) throws IOException {
    List<String> lines = read("testdata/metrics/" + name + ".txt");
    List<SampleOutcome> outcomes = new ArrayList<>();
    for (String l : lines) {
      String[] f = l.split(" ");
      if (f[0].equals("outcome")) {
        Label label = f[2].equals("M") ? Label.MALICIOUS : Label.BENIGN;
        List<String> rules = f[6].equals("-") ? List.of() : Arrays.asList(f[6].split(","));
        outcomes.add(Fakes.outcome(f[1], label, f[3], f[4], Long.parseLong(f[5]), rules));
      }
    }
    int checked = 0;
    for (String l : lines) {
      String[] f = l.split(" ");
      if (f[0].equals("expect")) {
        check(outcomes, f);
        checked++;
      }
    }
    assertThat(checked).as("expectations in " + name).isPositive();
  }

  private static void check(List<SampleOutcome> outcomes, String[] f) {
    List<String> rest = Arrays.asList(f).subList(2, f.length);
    switch (f[1]) {
      case "rules" -> assertThat(EvalMetrics.ruleHits(outcomes).stream()
              .map(h -> h.ruleId() + ":" + h.malicious() + ":" + h.benign()).toList())
          .containsExactlyElementsOf(rest);
      case "misses" -> assertThat(EvalMetrics.misses(outcomes).stream().map(Miss::id).toList())
          .containsExactlyElementsOf(rest);
      case "falsePositives" -> assertThat(EvalMetrics.falsePositives(outcomes).stream()
              .map(FalsePositive::id).toList())
          .containsExactlyElementsOf(rest);
      case "p50" -> assertThat(EvalMetrics.throughput(outcomes, 1).p50Nanos())
          .isEqualTo(Long.parseLong(f[2]));
      case "p99" -> assertThat(EvalMetrics.throughput(outcomes, 1).p99Nanos())
          .isEqualTo(Long.parseLong(f[2]));
      default -> assertThat(figure(scoresFor(outcomes, f[1]), f[2]))
          .as(f[1] + " " + f[2])
          .isCloseTo(Double.parseDouble(f[3]), within(1e-6));
    }
  }

  private static Scores scoresFor(List<SampleOutcome> outcomes, String eco) {
    if (eco.equals("all")) {
      return EvalMetrics.scores("all", outcomes);
    }
    return EvalMetrics.byEcosystem(outcomes).stream()
        .filter(s -> s.ecosystem().equals(eco)).findFirst().orElseThrow();
  }

  private static double figure(Scores s, String name) {
    return switch (name) {
      case "recallAtMalicious" -> s.recallAtMalicious();
      case "recallAtSuspicious" -> s.recallAtSuspicious();
      case "falsePositiveRateAtMalicious" -> s.falsePositiveRateAtMalicious();
      case "falsePositiveRateAtSuspicious" -> s.falsePositiveRateAtSuspicious();
      case "precision" -> s.precision();
      case "f1" -> s.f1();
      case "errors" -> s.errors();
      case "malicious" -> s.malicious();
      case "benign" -> s.benign();
      case "incomplete" -> s.incomplete();
      default -> throw new IllegalArgumentException("unknown figure " + name);
    };
  }

  @ParameterizedTest
  @CsvSource({
    "'', 50, 0",
    "'3', 50, 3",
    "'3', 99, 3",
    "'1 2', 50, 1",
    "'1 2', 51, 2",
    "'1 2 3 4 5 6 7 8 9 10', 90, 9",
    "'1 2 3 4 5 6 7 8 9 10', 99, 10",
    "'1 2 3 4 5 6 7 8 9 10', 0, 1",
  })
  void nearestRankPercentile(String values, double p, long expected) {
    long[] sorted = values.isBlank() ? new long[0]
        : Arrays.stream(values.split(" ")).mapToLong(Long::parseLong).toArray();
    assertThat(EvalMetrics.percentile(sorted, p)).isEqualTo(expected);
  }

  @Test
  void byEcosystemIsSortedByName() {
    List<SampleOutcome> o = List.of(
        Fakes.outcome("b", Label.BENIGN, "npm", "clean", 1, List.of()),
        Fakes.outcome("a", Label.BENIGN, "PyPI", "clean", 1, List.of()),
        Fakes.outcome("c", Label.BENIGN, "unknown", "clean", 1, List.of()));
    assertThat(EvalMetrics.byEcosystem(o).stream().map(Scores::ecosystem).toList())
        .containsExactly("PyPI", "npm", "unknown");
  }

  static List<String> read(String resource) throws IOException {
    try (InputStream in = EvalMetricsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .collect(Collectors.toList());
    }
  }
}
