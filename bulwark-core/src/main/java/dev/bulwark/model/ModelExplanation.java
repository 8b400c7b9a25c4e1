package dev.bulwark.model;

import java.util.List;
import java.util.Objects;

/**
 * How the learned verdict model weighed a package's findings (docs/verdict.md).
 *
 * @param applied false when the verdict is the rule-only one ({@code --no-model}, a project, or no
 *     model shipped); then every other field is empty or zero
 * @param modelId the short hash of the model's training data, "" when not applied
 * @param bias the model's intercept (log-odds of a package without findings)
 * @param logit bias plus the sum of the contributions: the model's log-odds that the package is
 *     malicious
 * @param probability 1 / (1 + e^-logit)
 * @param forcedBy the rule id of a decisive threat that made the package malicious whatever the
 *     model said, "" when none
 * @param ruleVerdict the rule-only verdict, for comparison
 * @param ruleScore the rule-only score
 * @param contributions one entry per finding, in finding order, summing to {@code logit - bias}
 */
public record ModelExplanation(
    boolean applied,
    String modelId,
    double bias,
    double logit,
    double probability,
    String forcedBy,
    Verdict ruleVerdict,
    int ruleScore,
    List<Contribution> contributions) {

  /**
   * The model's weight handed to one finding: the sum, over the features the finding produced, of
   * the feature's weight divided by the number of findings that produced it.
   *
   * @param finding index into the result's findings
   * @param ruleId the finding's rule
   * @param location the finding's location
   * @param contribution log-odds added by this finding (negative lowers the score)
   */
  public record Contribution(int finding, String ruleId, String location, double contribution) {
    public Contribution {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(location, "location");
    }
  }

  public ModelExplanation {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(forcedBy, "forcedBy");
    Objects.requireNonNull(ruleVerdict, "ruleVerdict");
    contributions = List.copyOf(contributions);
  }

  /** No model was applied: the verdict is the rule-only one. */
  public static ModelExplanation none() {
    return new ModelExplanation(false, "", 0, 0, 0, "", Verdict.CLEAN, 0, List.of());
  }
}
