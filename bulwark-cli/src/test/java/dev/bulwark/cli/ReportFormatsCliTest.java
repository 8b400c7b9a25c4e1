package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Several formats in one run, each to its own file, from the real engine. */
class ReportFormatsCliTest {
  @TempDir Path tmp;

  private static List<Error> validateJson(String json) throws Exception {
    String schema = Files.readString(CliHarness.ROOT.resolve("docs/bulwark-output.schema.json"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema)
        .validate(new ObjectMapper().readTree(json));
  }

  @Test
  void scanWritesEveryFormatAskedFor() throws Exception {
    Path sarif = tmp.resolve("out/scan.sarif");
    Path html = tmp.resolve("report.html");
    Path md = tmp.resolve("summary.md");
    CliHarness.Run r = CliHarness.run(tmp.resolve("cache"), "scan",
        "examples/take-home-trojan", "--format", "sarif:" + sarif, "--format", "html:" + html,
        "--format", "markdown:" + md, "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(validateJson(r.out())).isEmpty();
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"")
        .contains("examples/take-home-trojan/.vscode/tasks.json");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("DO NOT RUN");
    assertThat(Files.readString(md)).contains("## Bulwark scan: DO NOT RUN");
  }

  @Test
  void auditWritesAValidCycloneDxBomAndValidJson() throws Exception {
    Path bom = tmp.resolve("bom.cdx.json");
    Path json = tmp.resolve("audit.json");
    CliHarness.Run r = CliHarness.run(tmp.resolve("cache"), "audit", "examples/vulnerable-app",
        "--format", "cyclonedx:" + bom, "--format", "json", "-o", json.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(new JsonParser().validate(Files.readString(bom), Version.VERSION_16)).isEmpty();
    assertThat(Files.readString(bom)).contains("pkg:npm/lodash@4.17.4")
        .contains("\"vulnerabilities\"");
    assertThat(validateJson(Files.readString(json))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "scan, examples/take-home-trojan, cyclonedx",
    "scan, examples/take-home-trojan, pdf",
    "audit, examples/vulnerable-app, xml",
  })
  void unsupportedFormatsAreUsageErrors(String cmd, String path, String format) {
    CliHarness.Run r = CliHarness.run(tmp.resolve("cache"), cmd, path, "--format", format);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown --format");
  }

  @Test
  void onlyOneReportMayGoToStandardOutput() {
    CliHarness.Run r = CliHarness.run(tmp.resolve("cache"), "scan", "examples/take-home-trojan",
        "--format", "json", "--format", "sarif");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("only one --format can go to standard output");
  }
}
