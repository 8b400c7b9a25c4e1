package dev.bulwark.analysis;

import dev.bulwark.analysis.rules.Example;
import dev.bulwark.analysis.rules.RuleMeta;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the rule catalog, for listing and explaining rules.
 *
 * @param meta id, title, severity, confidence, category, kind, message, explanation, references
 * @param source "yaml" (a rule file), "heuristic" (coded check) or "reader" (archive reader check)
 * @param origin the rule file for YAML rules ("rules/npm/x.yml" or a user path), else the source
 * @param ecosystems "npm", "PyPI"; empty when it applies to both
 * @param languages the languages a YAML rule targets ("any" for all), empty for others
 * @param matchExamples examples that match (YAML rules only)
 * @param nomatchExamples examples that do not match (YAML rules only)
 */
public record RuleInfo(
    RuleMeta meta,
    String source,
    String origin,
    List<String> ecosystems,
    List<String> languages,
    List<Example> matchExamples,
    List<Example> nomatchExamples) {
  public RuleInfo {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(origin, "origin");
    ecosystems = List.copyOf(ecosystems);
    languages = List.copyOf(languages);
    matchExamples = List.copyOf(matchExamples);
    nomatchExamples = List.copyOf(nomatchExamples);
  }

  public String id() {
    return meta.id();
  }
}
