package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.rules.Explanation;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
  private static final RuleCatalog CATALOG = RuleCatalog.of(List.of())
      .withUserRules(TestData.path("rules"))
      .withReaderRules(List.of(new RuleMeta("archive-bomb", "Decompression bomb", Severity.HIGH,
          Confidence.HIGH, Category.EVASION, true, "A bomb.", new Explanation("w", "y", "a"), List.of())));

  @Test
  void listsYamlHeuristicAndReaderRulesSortedById() {
    List<RuleInfo> all = CATALOG.list();
    assertThat(all).extracting(RuleInfo::source).contains("yaml", "heuristic", "reader");
    assertThat(all).extracting(RuleInfo::id).isSorted().doesNotHaveDuplicates()
        .contains("fixture-eval-base64", "whitespace-padding", "archive-bomb")
        .doesNotContain("binary-payload");
  }

  @Test
  void findsOneRuleWithExplanationAndExamples() {
    RuleInfo r = CATALOG.find("fixture-npmrc-read").orElseThrow();
    assertThat(r.meta().explanation().what()).isNotBlank();
    assertThat(r.matchExamples()).isNotEmpty();
    assertThat(r.nomatchExamples()).isNotEmpty();
    assertThat(r.ecosystems()).containsExactly("npm");
    assertThat(r.origin()).endsWith("common/fixture-npmrc-read.yml");
    assertThat(CATALOG.find("no-such-rule")).isEmpty();
  }

  @Test
  void invalidUserRulesAreErrorsWithFileAndLineAndValidOnesStillLoad() {
    RuleCatalog c = CATALOG.withUserRules(TestData.path("invalid-rules"));
    assertThat(c.errors()).hasSize(6).allSatisfy(e -> assertThat(e.describe()).contains(".yml:"));
    assertThat(c.find("fixture-eval-base64")).isPresent();
  }
}
