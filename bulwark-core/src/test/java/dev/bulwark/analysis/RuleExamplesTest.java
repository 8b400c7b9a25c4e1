package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.rules.Rule;
import dev.bulwark.model.ExtractionException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build gate for detection rules: every rule on the class path (the repository's rules/
 * folder) and every engine test fixture rule loads without error, and each of its examples
 * behaves as declared when run through the whole engine.
 */
class RuleExamplesTest {
  private static final RuleCatalog BUILTIN = RuleCatalog.builtin();
  private static final RuleCatalog FIXTURES =
      RuleCatalog.of(List.of()).withUserRules(TestData.path("rules"));

  @Test
  void everyBuiltinRuleLoads() {
    assertThat(BUILTIN.errors().stream().map(ExtractionException::describe)).isEmpty();
  }

  @Test
  void everyFixtureRuleLoads() {
    assertThat(FIXTURES.errors().stream().map(ExtractionException::describe)).isEmpty();
    assertThat(FIXTURES.rules()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void ruleIdsAreUnique() {
    List<String> ids = new ArrayList<>();
    BUILTIN.rules().forEach(r -> ids.add(r.id()));
    FIXTURES.rules().forEach(r -> ids.add(r.id()));
    assertThat(ids).doesNotHaveDuplicates();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleBehavesAsDeclared() {
    List<Rule> all = new ArrayList<>(BUILTIN.rules());
    all.addAll(FIXTURES.rules());
    return all.stream()
        .map(r -> DynamicTest.dynamicTest(r.id(), () ->
            assertThat(RuleCatalog.verifyExamples(r)).as(r.origin()).isEmpty()));
  }
}
