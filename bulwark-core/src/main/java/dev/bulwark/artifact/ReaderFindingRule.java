package dev.bulwark.artifact;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.util.Objects;

/**
 * The metadata of one finding the artifact reader itself produces (not a YAML rule), so that
 * output can explain it like a YAML rule.
 *
 * @param id the rule id used in {@link Finding#ruleId()}
 * @param title short, for lists
 * @param severity severity of every finding of this rule
 * @param confidence confidence of every finding of this rule
 * @param category its category
 * @param threat true when it is an attack on the reader or the installer, false for a capability
 * @param what what was found, in plain words
 * @param why why attackers do this
 * @param action what to do now
 */
public record ReaderFindingRule(
    String id,
    String title,
    Severity severity,
    Confidence confidence,
    Category category,
    boolean threat,
    String what,
    String why,
    String action) {

  public ReaderFindingRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(action, "action");
  }

  /** A finding of this rule at {@code location}; the snippet is the (escaped) entry name. */
  public Finding finding(SourceLocation location, String snippet, String message) {
    return new Finding(
        id, category, severity, confidence, threat, location, snippet, "", message);
  }
}
