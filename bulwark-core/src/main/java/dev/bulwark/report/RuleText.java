package dev.bulwark.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The explanation of one rule, as reports show it.
 *
 * @param id the rule id
 * @param title a short title
 * @param what what the code does
 * @param why why attackers do it
 * @param action what to do now
 * @param references MITRE ATT&amp;CK ids and report URLs
 */
public record RuleText(String id, String title, String what, String why, String action,
    List<String> references) {
  public RuleText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(action, "action");
    references = List.copyOf(references);
  }

  /** Looks rule explanations up by id. */
  @FunctionalInterface
  public interface Source {
    Optional<RuleText> find(String ruleId);

    static Source none() {
      return id -> Optional.empty();
    }
  }
}
