package dev.bulwark.analysis.rules;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What every detection (YAML rule, coded heuristic, archive-reader check) says about itself.
 *
 * @param id kebab-case id
 * @param title short title for lists
 * @param severity severity of a finding
 * @param confidence how sure a finding is
 * @param category taxonomy category
 * @param threat true for threat, false for capability
 * @param message one sentence shown per finding
 * @param explanation what, why, action
 * @param references MITRE ids and public URLs
 */
public record RuleMeta(
    String id,
    String title,
    Severity severity,
    Confidence confidence,
    Category category,
    boolean threat,
    String message,
    Explanation explanation,
    List<Reference> references) {
  public RuleMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(explanation, "explanation");
    references = List.copyOf(references);
  }

  /** "threat" or "capability". */
  public String kind() {
    return threat ? "threat" : "capability";
  }
}
