package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Category;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.TargetResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SarifRendererTest {
  private static JsonNode sarif(ReportData d) throws Exception {
    return Schemas.JSON.readTree(Schemas.render(ReportFormat.SARIF, d));
  }

  private static ReportData.Scan oneFinding(String target, String file, int line, String snippet) {
    Finding f = ReportFixtures.finding("js-eval", Category.CODE_EXECUTION, Severity.HIGH, true,
        file, line, 1, snippet, "", "Runs code.");
    ScanResult r = new ScanResult(target, "package", Optional.empty(), "", "", Verdict.MALICIOUS,
        90, "", List.of(f), List.of(), List.of(), 1, 1);
    return new ReportData.Scan(List.of(new TargetResult.Package(r)), ReportFixtures.TOOL,
        ReportFixtures.rules(), 1);
  }

  private static String fingerprint(ReportData d) throws Exception {
    return sarif(d).at("/runs/0/results/0/partialFingerprints")
        .path(SarifRenderer.FINGERPRINT).asText();
  }

  @Test
  void fingerprintsSurviveLineShiftsAndWhitespaceButNotOtherCode() throws Exception {
    String base = fingerprint(oneFinding("p.tgz", "package/index.js", 3, "eval(x)"));
    assertThat(base).hasSize(32);
    assertThat(fingerprint(oneFinding("p.tgz", "package/index.js", 40, "eval(x)")))
        .isEqualTo(base);
    assertThat(fingerprint(oneFinding("p.tgz", "package/index.js", 3, "  eval(x)\t")))
        .isEqualTo(base);
    assertThat(fingerprint(oneFinding("p.tgz", "package/index.js", 3, "eval(y)")))
        .isNotEqualTo(base);
    assertThat(fingerprint(oneFinding("p.tgz", "package/other.js", 3, "eval(x)")))
        .isNotEqualTo(base);
  }

  @ParameterizedTest
  @CsvSource({
    "p-1.0.0.tgz, package/index.js, p-1.0.0.tgz!/package/index.js",
    "dist/p.whl, p/__init__.py, dist/p.whl!/p/__init__.py",
    "node_modules/x, index.js, node_modules/x/index.js",
    "my app, src/a b.js, my%20app/src/a%20b.js",
    "p.tgz, package/package.json#scripts.postinstall, p.tgz!/package/package.json",
    "proj, public/font.woff2!decoded/1, proj/public/font.woff2",
  })
  void artifactsAreAddressedInsideArchivesAndFolders(String target, String file, String uri)
      throws Exception {
    JsonNode loc = sarif(oneFinding(target, file, 3, "eval(x)"))
        .at("/runs/0/results/0/locations/0/physicalLocation");
    assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo(uri);
    assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(loc.at("/region/startLine").asInt()).isEqualTo(3);
  }

  @Test
  void lockfileFindingsPointAtTheDependencyLine() throws Exception {
    JsonNode results = sarif(ReportFixtures.audit()).at("/runs/0/results");
    assertThat(results).hasSize(2);
    JsonNode mal = results.get(0);
    assertThat(mal.path("ruleId").asText()).isEqualTo("MAL-2025-0001");
    assertThat(mal.path("level").asText()).isEqualTo("error");
    assertThat(mal.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("examples/app/package-lock.json");
    assertThat(mal.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(70);
    assertThat(results.get(1).path("level").asText()).isEqualTo("warning");
  }

  @Test
  void rulesCarryExplanationsAndTags() throws Exception {
    JsonNode run = sarif(ReportFixtures.packageScan()).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(rules).hasSize(3);
    JsonNode rule = rules.get(run.at("/results/0/ruleIndex").asInt());
    assertThat(rule.path("id").asText()).isEqualTo(run.at("/results/0/ruleId").asText());
    assertThat(rule.at("/help/markdown").asText()).contains("**What this code does.**")
        .contains("**Why attackers do this.**").contains("**What to do now.**")
        .doesNotContain("<script").doesNotContain("<img");
    assertThat(rule.at("/properties/tags").toString()).contains("T1059").contains("security");
    assertThat(run.at("/invocations/0/exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void snippetsHaveBidiControlsEscaped() throws Exception {
    String s = Schemas.render(ReportFormat.SARIF, ReportFixtures.packageScan());
    assertThat(s).doesNotContain("\u202E").contains("\\\\u{202E}");
  }

  @Test
  void archiveEntriesHaveTheArchiveAsParentArtifact() throws Exception {
    JsonNode run = sarif(oneFinding("p-1.0.0.tgz", "package/index.js", 3, "eval(x)"))
        .at("/runs/0");
    JsonNode artifacts = run.path("artifacts");
    assertThat(artifacts).hasSize(2);
    assertThat(artifacts.at("/0/location/uri").asText()).isEqualTo("p-1.0.0.tgz");
    assertThat(artifacts.at("/1/location/uri").asText()).isEqualTo("p-1.0.0.tgz!/package/index.js");
    assertThat(artifacts.at("/1/parentIndex").asInt()).isZero();
    assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/index").asInt())
        .isEqualTo(1);
  }
}
