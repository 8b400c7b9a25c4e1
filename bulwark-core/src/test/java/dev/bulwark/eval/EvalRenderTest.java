package dev.bulwark.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.eval.EvalReport.Baseline;
import dev.bulwark.eval.EvalReport.Throughput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalRenderTest {

  /** A fixed report: 3 malicious npm (one missed), 2 benign (one false positive), one error. */
  static EvalReport report() {
    List<SampleOutcome> all = List.of(
        Fakes.outcome("npm/evil@1.0.0", Label.MALICIOUS, "npm", "malicious", 2_000_000,
            List.of("js-eval-decoded", "npm-install-hook")),
        Fakes.outcome("npm/quiet@2.0.0", Label.MALICIOUS, "npm", "clean", 1_000_000, List.of()),
        Fakes.outcome("pypi/typo@0.1", Label.MALICIOUS, "PyPI", "error", 3_000_000, List.of()),
        Fakes.outcome("npm/left-pad-1.3.0.tgz", Label.BENIGN, "npm", "suspicious", 4_000_000,
            List.of("js-eval-decoded")),
        Fakes.outcome("npm/lodash-4.17.21.tgz", Label.BENIGN, "npm", "clean!", 5_000_000,
            List.of()));
    List<SampleOutcome> mal = all.subList(0, 3);
    List<SampleOutcome> ben = all.subList(3, 5);
    return new EvalReport(
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:09Z"), 2,
        EvalMetrics.byEcosystem(all), EvalMetrics.scores("all", all), EvalMetrics.ruleHits(all),
        EvalMetrics.misses(all), EvalMetrics.falsePositives(all), EvalMetrics.errors(all), EvalMetrics.incomplete(all),
        EvalMetrics.throughput(mal, 500_000_000L), EvalMetrics.throughput(ben, 250_000_000L),
        Optional.of(new Baseline(2, 2000, 100_000_000L, 20_000_000L, 9_000_000L, 0)),
        123_400_000L, List.of("npm/x@1: listed in manifest.json, no sample zip found"), all);
  }

  @Test
  void tableMatchesGoldenFile() throws IOException {
    StringWriter out = new StringWriter();
    EvalTable.render(report(), out);
    String expected = resource("testdata/render/report.txt");
    if (!out.toString().equals(expected)) {
      // Left for inspection; copy over the golden file when the change is intended.
      java.nio.file.Files.writeString(java.nio.file.Path.of("target/render-actual.txt"),
          out.toString());
    }
    assertThat(out.toString()).isEqualTo(expected);
  }

  @Test
  void jsonCarriesCountsRatesAndLists() throws IOException {
    StringWriter out = new StringWriter();
    EvalJson.write(report(), out);
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.at("/overall/malicious").asInt()).isEqualTo(2);
    assertThat(j.at("/overall/recallAtMalicious").asDouble()).isEqualTo(0.5);
    assertThat(j.at("/overall/falsePositiveRateAtSuspicious").asDouble()).isEqualTo(0.5);
    assertThat(j.at("/overall/maliciousErrors").asInt()).isEqualTo(1);
    assertThat(j.at("/ecosystems/0/ecosystem").asText()).isEqualTo("PyPI");
    assertThat(j.at("/throughput/benign/packagesPerSecond").asDouble()).isEqualTo(8.0);
    assertThat(j.at("/throughput/tarBaseline/scanToTarRatio").asDouble())
        .isCloseTo(20.0 / 9.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(j.at("/misses/0/id").asText()).isEqualTo("npm/quiet@2.0.0");
    assertThat(j.at("/falsePositives/0/topRules/0").asText()).isEqualTo("js-eval-decoded");
    assertThat(j.at("/errors/0/message").asText()).isEqualTo("boom");
    assertThat(j.at("/samples/2/verdict").asText()).isEqualTo("error");
    assertThat(j.at("/overall/incomplete").asInt()).isEqualTo(1);
    assertThat(j.at("/incomplete/0/firstProblem").asText())
        .isEqualTo("corrupt-archive: truncated (a.js) (+1 more)");
    assertThat(j.at("/samples").size()).isEqualTo(5);
  }

  @Test
  void throughputFigures() {
    Throughput t = new Throughput(10, 5_000_000, 2_000_000_000L, 0, 0);
    assertThat(t.packagesPerSecond()).isEqualTo(5.0);
    assertThat(t.megabytesPerSecond()).isEqualTo(2.5);
    assertThat(new Throughput(0, 0, 0, 0, 0).packagesPerSecond()).isZero();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EvalRenderTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
