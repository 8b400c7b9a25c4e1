package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every machine-readable format is checked against its published schema. */
class ReportValidationTest {
  static Stream<String> fixtures() {
    return ReportFixtures.all().keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void sarifMatchesTheSarif210Schema(String fixture) throws Exception {
    Optional<Path> schema = Schemas.sarifSchema();
    assumeTrue(schema.isPresent(), "SARIF schema not found beside the repository (shared/data)");
    String sarif = Schemas.render(ReportFormat.SARIF, ReportFixtures.all().get(fixture).get());
    assertThat(Schemas.validate(schema.get(), SpecificationVersion.DRAFT_4, sarif)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void jsonMatchesTheDocumentedSchema(String fixture) throws Exception {
    String json = Schemas.render(ReportFormat.JSON, ReportFixtures.all().get(fixture).get());
    assertThat(Schemas.validate(Schemas.outputSchema(), SpecificationVersion.DRAFT_7, json))
        .isEmpty();
  }

  @Test
  void theOutputSchemaRejectsABrokenReport() throws Exception {
    String json = Schemas.render(ReportFormat.JSON, ReportFixtures.projectScan())
        .replace("\"verdict\" : \"malicious\"", "\"verdict\" : \"fine\"");
    assertThat(Schemas.validate(Schemas.outputSchema(), SpecificationVersion.DRAFT_7, json))
        .isNotEmpty();
  }

  @Test
  void theSarifSchemaRejectsABrokenLog() throws Exception {
    Optional<Path> schema = Schemas.sarifSchema();
    assumeTrue(schema.isPresent(), "SARIF schema not found beside the repository (shared/data)");
    String sarif = Schemas.render(ReportFormat.SARIF, ReportFixtures.packageScan())
        .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
    assertThat(Schemas.validate(schema.get(), SpecificationVersion.DRAFT_4, sarif)).isNotEmpty();
  }

  @Test
  void cycloneDxIsAValid16Bom() throws Exception {
    String bom = Schemas.render(ReportFormat.CYCLONEDX, ReportFixtures.audit());
    List<ParseException> errors = new JsonParser().validate(bom, Version.VERSION_16);
    assertThat(errors).isEmpty();
    JsonNode root = Schemas.JSON.readTree(bom);
    assertThat(root.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(root.path("components")).hasSize(4);
    assertThat(root.path("vulnerabilities")).hasSize(3);
  }
}
