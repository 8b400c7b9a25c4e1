package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @Test
  void exitCodesAndFormats(@TempDir Path cache, @TempDir Path home, @TempDir Path root)
      throws Exception {
    String db = cache.resolve("adv.db").toString();
    CliHarness.Run clean = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db);
    assertThat(clean.exit()).isZero();
    assertThat(clean.out()).startsWith("NO KNOWN INDICATORS");

    Files.writeString(home.resolve(".npl"), "inert");
    Files.writeString(home.resolve(".npmrc"), "//127.0.0.1/:_authToken=npm_CLITESTSECRET\n");
    CliHarness.Run dirty = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db, "--format", "json");
    assertThat(dirty.exit()).as("confirmed evidence").isEqualTo(4);
    assertThat(dirty.out()).contains("\"verdict\" : \"compromised\"").contains(".npmrc")
        .doesNotContain("npm_CLITESTSECRET");

    CliHarness.Run later = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db, "--since", "2999-01-01");
    assertThat(later.exit()).isZero();
  }

  /**
   * Issue 14: a harmless shell whose command line mentions /tmp is not evidence; a binary really
   * running from /tmp is suspicious (exit 1, no "compromised", no "reinstall").
   */
  @Test
  void processesAreGradedAndOnlyConfirmedEvidenceSaysCompromised(@TempDir Path cache,
      @TempDir Path home, @TempDir Path root) throws Exception {
    String db = cache.resolve("adv.db").toString();
    Path shell = root.resolve("proc/777");
    Files.createDirectories(shell);
    Files.writeString(shell.resolve("cmdline"), "bash\0-c\0cd /tmp/x && npm pack . | python3 -c 'import sys'\0");
    Files.createSymbolicLink(shell.resolve("exe"), Path.of("/usr/bin/bash"));
    Files.createSymbolicLink(shell.resolve("cwd"), Path.of("/tmp/x"));
    CliHarness.Run benign = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db);
    assertThat(benign.out()).as(benign.err()).startsWith("NO KNOWN INDICATORS");
    assertThat(benign.exit()).isZero();

    Path bin = root.resolve("proc/778");
    Files.createDirectories(bin);
    Files.writeString(bin.resolve("cmdline"), "./updater\0");
    Files.createSymbolicLink(bin.resolve("exe"), Path.of("/tmp/.x/updater"));
    CliHarness.Run odd = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db);
    assertThat(odd.out()).startsWith("SUSPICIOUS ITEMS TO CHECK").contains(" ? suspicious  odd-process")
        .contains("how to check: Look at the process").doesNotContain("COMPROMISE")
        .doesNotContain("Reinstall").doesNotContain("rotate the secrets below");
    assertThat(odd.exit()).as("suspicious only: lower than confirmed (4)").isEqualTo(1);
    CliHarness.Run json = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db, "--format", "json");
    assertThat(json.out()).contains("\"verdict\" : \"suspicious\"").contains("\"grade\" : \"suspicious\"");
  }

  @Test
  void usageErrors(@TempDir Path cache, @TempDir Path home) {
    assertThat(CliHarness.run(cache, "sweep", "--home", home.resolve("missing").toString()).exit())
        .isEqualTo(2);
    assertThat(CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        home.toString(), "--since", "yesterday").exit()).isEqualTo(2);
    CliHarness.Run cdx = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        home.toString(), "--format", "cyclonedx");
    assertThat(cdx.exit()).isEqualTo(2);
    assertThat(cdx.out()).isEmpty();
    assertThat(cdx.err()).isEqualTo("bulwark sweep: unknown --format 'cyclonedx' for this command"
        + " (a CycloneDX bill of materials lists the dependencies of an audit); expected one of"
        + " console, json, sarif, html, markdown\n");
  }

  @Test
  void everyDocumentFormatInOneRun(@TempDir Path cache, @TempDir Path home, @TempDir Path root,
      @TempDir Path out) throws Exception {
    SweepTree.compromised(home, root);
    CliHarness.Run r = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", cache.resolve("adv.db").toString(), "-q", "--no-color",
        "--format", "sarif:" + out.resolve("s.sarif"), "--format", "html:" + out.resolve("s.html"),
        "--format", "md:" + out.resolve("s.md"), "--format", "json:" + out.resolve("s.json"),
        "--format", "console");
    assertThat(r.exit()).as(r.err()).isEqualTo(4);
    assertThat(r.out()).startsWith("COMPROMISE INDICATORS FOUND").contains("!! confirmed  odd-process")
        .doesNotContain("c2-port").doesNotContain("Secrets on this machine");
    assertThat(Files.readString(out.resolve("s.sarif"))).contains("\"ruleId\" : \"sweep/c2-port\"")
        .contains("Suspicious (check it): connection to 127.0.0.1:1244");
    assertThat(Files.readString(out.resolve("s.html"))).contains("<h2>What to do</h2>")
        .contains(".npmrc").doesNotContain(SweepTree.NPM_TOKEN).doesNotContain("<img");
    assertThat(Files.readString(out.resolve("s.md"))).contains("**What to do**");
    assertThat(validate(CliHarness.ROOT.resolve("docs/bulwark-output.schema.json"),
        SpecificationVersion.DRAFT_7, out.resolve("s.json"))).isEmpty();
    Path sarifSchema = Stream.of("../shared", "../../shared")
        .map(d -> CliHarness.ROOT.resolve(d).resolve("data/schemas/sarif-schema-2.1.0.json"))
        .filter(Files::isRegularFile).findFirst().orElse(Path.of("missing"));
    Assumptions.assumeTrue(Files.isRegularFile(sarifSchema), "SARIF schema not beside the clone");
    assertThat(validate(sarifSchema, SpecificationVersion.DRAFT_4, out.resolve("s.sarif")))
        .isEmpty();
  }

  private static List<Error> validate(Path schema, SpecificationVersion v, Path doc)
      throws Exception {
    return SchemaRegistry.withDefaultDialect(v).getSchema(Files.readString(schema))
        .validate(new ObjectMapper().readTree(Files.readString(doc)));
  }
}
