package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hostile inputs complete with a partial result: a tree-sitter query over 200,000 nested
 * parentheses runs out of its budget and is reported as skipped; a 5 MB single line, invalid
 * UTF-8 and a binary named .js are scanned without failing. No timing assertion: the engine's
 * own budget (shortened here to keep the build quick) ends the work.
 */
class HostileInputTest {
  private static final RuleCatalog FIXTURES =
      RuleCatalog.of(List.of()).withUserRules(TestData.path("rules"));
  private static final EngineLimits SHORT =
      new EngineLimits(3_000, 3_000, 8 * 1024 * 1024, 2 * 1024 * 1024, 3, 1024 * 1024, 32, 30_000, 60_000);

  @Test
  void nestedParenthesesAreSkippedNotHung() {
    String deep = "eval" + "(".repeat(200_000) + "x" + ")".repeat(200_000) + ";\n";
    ScanResult r = scan(new ArtifactFile("deep.js", deep.getBytes(StandardCharsets.UTF_8), false));
    assertThat(r.skipped()).extracting(Skipped::path).contains("deep.js");
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void hugeMinifiedLineInvalidUtf8AndDisguisedBinaryComplete() {
    StringBuilder big = new StringBuilder(5 * 1024 * 1024 + 64);
    while (big.length() < 5 * 1024 * 1024) {
      big.append("var a=function(b){return b+1};");
    }
    big.append("eval(atob('aGVsbG8='));");
    byte[] invalid = {'v', 'a', 'r', ' ', 'x', '=', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ';', '\n'};
    byte[] elf = new byte[256];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    ScanResult r = scan(
        new ArtifactFile("dist/app.min.js", big.toString().getBytes(StandardCharsets.US_ASCII), false),
        new ArtifactFile("bad.js", invalid, false),
        new ArtifactFile("lib/index.js", elf, false));
    assertThat(r.errors()).isEmpty();
    assertThat(r.filesScanned()).isEqualTo(3);
    assertThat(r.findings()).extracting(f -> f.ruleId()).contains("fixture-eval-base64");
  }

  private static ScanResult scan(ArtifactFile... files) {
    Artifact a = new Artifact("hostile", Optional.empty(), "hostile", "1.0.0", List.of(files),
        List.of(), List.of(), List.of());
    return new StaticAnalyzer(FIXTURES, SHORT).analyze(a);
  }
}
