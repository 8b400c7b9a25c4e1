package dev.bulwark.analysis.rules;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.inventory.ExtractorFuzz;
import dev.bulwark.model.ExtractionException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the rule YAML parser (users add their own rules), with the engine's heuristics and
 * tree-sitter query validation. Seeds: RuleYamlFuzzTestInputs/ruleYaml/ (the shipped rules and
 * the invalid-rule testdata). Property: a rule either parses or fails with an
 * {@link ExtractionException} that names the file and a line.
 */
class RuleYamlFuzzTest {
  private static final RuleParser PARSER = RuleCatalog.parser();
  /** The id the file declares, so that inputs get past the "id matches the file name" check. */
  private static final Pattern ID = Pattern.compile("(?m)^id:[ \\t]*['\"]?([a-z0-9-]+)");

  @FuzzTest
  void ruleYaml(byte[] data) {
    String yaml = new String(data, StandardCharsets.UTF_8);
    Matcher m = ID.matcher(yaml);
    String id = m.find() ? m.group(1) : "fuzz";
    try {
      Rule r = PARSER.parse(yaml, "fuzz.yml", id);
      if (!r.id().equals(id)) {
        throw new AssertionError("parsed id " + r.id() + ", expected " + id);
      }
    } catch (ExtractionException e) {
      ExtractorFuzz.requireLocated(e, "fuzz.yml");
    }
  }
}
