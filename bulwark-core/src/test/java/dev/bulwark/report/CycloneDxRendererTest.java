package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycloneDxRendererTest {
  @ParameterizedTest
  @CsvSource({
    "sha1-AAECAwQFBgcICQoLDA0ODxAREhM=, SHA-1, 000102030405060708090a0b0c0d0e0f10111213",
    "sha256:ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB, SHA-256, "
        + "abababababababababababababababababababababababababababababababab",
    "'sha512-AAE= sha1-AAE=', SHA-512, 0001",
  })
  void integrityBecomesAHexHash(String integrity, String alg, String hex) {
    var h = CycloneDxRenderer.hash(integrity).orElseThrow();
    assertThat(h.getAlgorithm()).isEqualTo(alg);
    assertThat(h.getValue()).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({"''", "sha512-!!notbase64", "md4-AAAA", "sha256:xyz", "garbage"})
  void unusableIntegrityGivesNoHash(String integrity) {
    assertThat(CycloneDxRenderer.hash(integrity)).isEmpty();
  }

  @Test
  void theGraphFollowsDependencyPaths() throws Exception {
    JsonNode bom = Schemas.JSON.readTree(Schemas.render(ReportFormat.CYCLONEDX,
        ReportFixtures.audit()));
    String deps = bom.path("dependencies").toString();
    assertThat(deps).contains("{\"ref\":\"pkg:npm/lodash@4.17.4\",\"dependsOn\":"
        + "[\"pkg:npm/minimist@0.0.8\"]}");
    JsonNode root = null;
    for (JsonNode n : bom.path("dependencies")) {
      if (n.path("ref").asText().equals(CycloneDxRenderer.ROOT_REF)) {
        root = n;
      }
    }
    assertThat(root).isNotNull();
    assertThat(root.path("dependsOn").toString()).contains("lodash").contains("%40evil/plaid")
        .contains("requests").doesNotContain("minimist");
    JsonNode ignored = bom.at("/vulnerabilities/2");
    assertThat(ignored.at("/analysis/state").asText()).isEqualTo("exploitable");
    assertThat(ignored.at("/analysis/response/0").asText()).isEqualTo("will_not_fix");
    assertThat(bom.at("/vulnerabilities/0/analysis/state").asText()).isEqualTo("in_triage");
    assertThat(bom.at("/vulnerabilities/1/ratings/0/score").asDouble()).isEqualTo(5.6);
  }

  @Test
  void theSameAuditGivesTheSameBytes() throws Exception {
    assertThat(Schemas.render(ReportFormat.CYCLONEDX, ReportFixtures.audit()))
        .isEqualTo(Schemas.render(ReportFormat.CYCLONEDX, ReportFixtures.audit()));
  }
}
