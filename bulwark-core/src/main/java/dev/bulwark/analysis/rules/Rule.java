package dev.bulwark.analysis.rules;

import dev.bulwark.model.Ecosystem;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A detection rule loaded from YAML.
 *
 * @param meta id, severity, explanation, …
 * @param ecosystems where it applies (never empty: both when not declared)
 * @param languages file languages it applies to ({@code ANY} for all)
 * @param files path selector
 * @param scopes code, decoded or both
 * @param match the match expression
 * @param matchExamples examples that must match
 * @param nomatchExamples examples that must not match
 * @param origin the rule file, for messages ("rules/npm/x.yml" or a user path)
 */
public record Rule(
    RuleMeta meta,
    Set<Ecosystem> ecosystems,
    Set<Language> languages,
    FileSelector files,
    Set<Scope> scopes,
    Matcher match,
    List<Example> matchExamples,
    List<Example> nomatchExamples,
    String origin) {
  public Rule {
    Objects.requireNonNull(meta, "meta");
    ecosystems = Set.copyOf(ecosystems);
    languages = Set.copyOf(languages);
    Objects.requireNonNull(files, "files");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(match, "match");
    matchExamples = List.copyOf(matchExamples);
    nomatchExamples = List.copyOf(nomatchExamples);
    Objects.requireNonNull(origin, "origin");
  }

  public String id() {
    return meta.id();
  }

  /** Whether the rule applies to a file of this language (binaries only for {@code any}). */
  public boolean appliesTo(Language language) {
    return languages.contains(Language.ANY) || languages.contains(language);
  }
}
