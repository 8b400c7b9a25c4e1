package dev.bulwark.project;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * The metadata of one project-level check: a rule implemented in Java because it needs the whole
 * project (what a trigger runs, which file reads an env variable), explained like a YAML rule.
 */
public record ProjectRule(
    String id,
    String title,
    Severity severity,
    Confidence confidence,
    Category category,
    boolean threat,
    String what,
    String why,
    String action,
    List<String> references) {

  public ProjectRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(action, "action");
    references = List.copyOf(references);
  }

  Finding at(SourceLocation loc, String snippet, String decoded, String message) {
    return new Finding(id, category, severity, confidence, threat, loc,
        Snip.of(snippet), Snip.of(decoded), message);
  }

  /** The same rule with another severity (a check escalates when the evidence is stronger). */
  Finding at(Severity sev, boolean isThreat, SourceLocation loc, String snippet, String decoded,
      String message) {
    return new Finding(id, category, sev, confidence, isThreat, loc, Snip.of(snippet),
        Snip.of(decoded), message);
  }
}
