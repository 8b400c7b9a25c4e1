package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import dev.bulwark.sweep.Indicator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sweep in every document format: what each must say, and hostile paths kept inert. */
class SweepReportsTest {
  private static String render(ReportFormat f, ReportData d) throws Exception {
    return Schemas.render(f, d);
  }

  @Test
  void sarifHasOneResultPerIndicatorWithRuleLevelAndFileUri() throws Exception {
    ReportData.Sweep d = ReportFixtures.sweep();
    JsonNode run = Schemas.JSON.readTree(render(ReportFormat.SARIF, d)).at("/runs/0");
    JsonNode results = run.path("results");
    assertThat(results).hasSize(d.report().indicators().size());
    List<String> rules = new ArrayList<>();
    run.at("/tool/driver/rules").forEach(r -> rules.add(r.path("id").asText()));
    for (int k = 0; k < results.size(); k++) {
      JsonNode r = results.get(k);
      String id = r.path("ruleId").asText();
      assertThat(id).startsWith("sweep/");
      assertThat(rules.get(r.path("ruleIndex").asInt())).isEqualTo(id);
      assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .startsWith("file:///");
    }
    assertThat(results).anySatisfy(r -> {
      assertThat(r.path("ruleId").asText()).isEqualTo("sweep/file-trace");
      assertThat(r.path("level").asText()).isEqualTo("error");
      assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .isEqualTo("file:///home/dev/.npl");
      assertThat(r.at("/properties/source").asText())
          .isEqualTo("https://example.invalid/report/invisibleferret");
    });
    assertThat(results).anySatisfy(r -> {
      assertThat(r.path("ruleId").asText()).isEqualTo("sweep/autorun-task");
      assertThat(r.path("level").asText()).isEqualTo("warning");
    });
    assertThat(run.at("/properties/command").asText()).isEqualTo("sweep");
    assertThat(run.at("/properties/verdict").asText()).isEqualTo("compromised");
    assertThat(run.at("/properties/exposures/0/path").asText())
        .isEqualTo("/home/dev/.config/solana/id.json");
    assertThat(run.at("/properties/remediation/0").asText()).startsWith("Disconnect");
  }

  @ParameterizedTest
  @CsvSource({"HTML", "MARKDOWN"})
  void documentsCarryTheVerdictTheChecklistAndTheSecretPaths(ReportFormat f) throws Exception {
    String out = render(f, ReportFixtures.sweep());
    assertThat(out).contains("COMPROMISE INDICATORS FOUND")
        .contains("Disconnect this machine from the network now.")
        .contains("rotate npm-token: Revoke the token and create a new one.")
        .contains("Reinstall the operating system.").contains("/home/dev/.npmrc")
        .contains("sweep/c2-port");
    String clean = render(f, ReportFixtures.cleanSweep());
    assertThat(clean).contains("NO KNOWN INDICATORS")
        .contains("No known indicators is not proof of safety.")
        .doesNotContain("COMPROMISE");
  }

  @Test
  void hostileFileNamesAreInertInHtml() throws Exception {
    String h = render(ReportFormat.HTML, ReportFixtures.sweep());
    assertThat(h).doesNotContain("<img").doesNotContain("\u202E")
        .contains("<code>/home/dev/Downloads/&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
            + "\\u{202E}evil\\u{202C}anydesk.exe</code>")
        .contains("<code>/home/dev/&lt;/script&gt;")
        .contains("a home-path needs a relative pattern &lt;/script&gt;");
    String clean = render(ReportFormat.HTML, ReportFixtures.cleanSweep());
    assertThat(clean).contains("Home <code>/home/&lt;/script&gt;").doesNotContain("<img");
  }

  @Test
  void hostileFileNamesAreInertInMarkdownAndOnTheConsole() throws Exception {
    String md = render(ReportFormat.MARKDOWN, ReportFixtures.sweep());
    assertThat(md).doesNotContain("\u202E")
        .contains("remote-desktop installer &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    StringWriter w = new StringWriter();
    ConsoleSweepRenderer.render(ReportFixtures.sweep().report(), false, Style.plain(),
        new PrintWriter(w));
    assertThat(w.toString()).startsWith("COMPROMISE INDICATORS FOUND\n").doesNotContain("\u202E")
        .contains("\\u202e").contains("  1. Disconnect").contains("     - rotate crypto-wallet");
  }

  @Test
  void jsonSaysCompromisedOrClean() throws Exception {
    JsonNode bad = Schemas.JSON.readTree(render(ReportFormat.JSON, ReportFixtures.sweep()));
    JsonNode good = Schemas.JSON.readTree(render(ReportFormat.JSON, ReportFixtures.cleanSweep()));
    assertThat(bad.path("command").asText()).isEqualTo("sweep");
    assertThat(bad.path("verdict").asText()).isEqualTo("compromised");
    assertThat(bad.path("exitCode").asInt()).isEqualTo(4);
    assertThat(good.path("verdict").asText()).isEqualTo("clean");
    assertThat(good.path("indicators")).isEmpty();
  }

  @Test
  void theOutputSchemaRejectsABrokenSweep() throws Exception {
    String json = render(ReportFormat.JSON, ReportFixtures.sweep());
    for (String broken : List.of(
        json.replace("\"verdict\" : \"compromised\"", "\"verdict\" : \"fine\""),
        json.replace("\"area\" : \"files\"", "\"area\" : \"disk\""),
        json.replace("\"exposures\" :", "\"exposed\" :"))) {
      assertThat(Schemas.validate(Schemas.outputSchema(), SpecificationVersion.DRAFT_7, broken))
          .isNotEmpty();
    }
  }

  @Test
  void cycloneDxDoesNotDescribeASweep() {
    assertThat(ReportFormat.CYCLONEDX.supports(ReportFixtures.sweep())).isFalse();
    for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML,
        ReportFormat.MARKDOWN)) {
      assertThat(f.supports(ReportFixtures.sweep())).isTrue();
    }
  }

  @Test
  void everyAreaHasASummaryRow() {
    Summary s = Summary.of(ReportFixtures.cleanSweep());
    assertThat(s.rows()).hasSize(Indicator.Area.values().length)
        .allSatisfy(r -> assertThat(r.verdict()).isEqualTo("nothing found"));
    assertThat(s.level()).isEqualTo("ok");
    assertThat(Summary.of(ReportFixtures.sweep()).level()).isEqualTo("bad");
  }
}
