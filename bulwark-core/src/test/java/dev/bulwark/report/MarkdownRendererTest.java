package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Category;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
  static ReportData.Scan many(int n, long seed) {
    Random rnd = new Random(seed);
    List<Finding> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fs.add(ReportFixtures.finding("rule-" + rnd.nextInt(50), Category.OBFUSCATION,
          Severity.values()[rnd.nextInt(5)], rnd.nextBoolean(), "src/f" + i + ".js",
          1 + rnd.nextInt(9999), 0, "x".repeat(rnd.nextInt(200)), "",
          "Finding " + i + " " + "|`*<b>".repeat(rnd.nextInt(60))));
    }
    ScanResult r = new ScanResult("big", "package", Optional.empty(), "", "", Verdict.SUSPICIOUS,
        50, "", fs, List.of(), List.of(), n, n);
    return new ReportData.Scan(List.of(new TargetResult.Package(r)), ReportFixtures.TOOL,
        ReportFixtures.rules(), 0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void staysUnderGithubsCommentLimitAndSaysWhatWasLeftOut(long seed) throws Exception {
    String md = Schemas.render(ReportFormat.MARKDOWN, many(5_000, seed));
    assertThat(md.length()).isLessThan(MarkdownRenderer.GITHUB_LIMIT);
    assertThat(md).contains("more finding(s) not shown").contains("<details>")
        .contains("</details>").doesNotContain("<b>");
  }

  @Test
  void smallReportsAreComplete() throws Exception {
    String md = Schemas.render(ReportFormat.MARKDOWN, many(10, 7));
    assertThat(md).doesNotContain("not shown").contains("Findings (10)");
    assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("src/f"))).hasSize(10);
  }

  @Test
  void hostileTextCannotInjectHtml() throws Exception {
    String md = Schemas.render(ReportFormat.MARKDOWN, ReportFixtures.packageScan());
    assertThat(md).doesNotContain("<img").doesNotContain("</script>").doesNotContain("\u202E");
  }
}
