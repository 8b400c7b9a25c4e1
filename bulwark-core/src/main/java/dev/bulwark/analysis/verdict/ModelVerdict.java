package dev.bulwark.analysis.verdict;

import dev.bulwark.model.Finding;
import dev.bulwark.model.ModelExplanation;
import dev.bulwark.model.ModelExplanation.Contribution;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of the learned model: the rules are the evidence, the model decides how much they add
 * up to. A decisive threat (see {@link VerdictModel#decisive}) still makes a package malicious on its
 * own; capabilities alone are never malicious. See docs/verdict.md.
 */
public final class ModelVerdict {
  private ModelVerdict() {}

  /** The verdict, score, reason and the model's explanation. */
  public record Assessment(Verdict verdict, int score, String reason, ModelExplanation explanation) {}

  /** Re-assesses a package result with the model; projects are returned unchanged. */
  public static ScanResult rescore(ScanResult r, LearnedModel model) {
    if (!r.kind().equals("package")) {
      return r;
    }
    Assessment a = assess(r.findings(), model);
    return new ScanResult(r.target(), r.kind(), r.ecosystem(), r.name(), r.version(), a.verdict(),
        a.score(), a.reason(), r.findings(), r.skipped(), r.errors(), r.filesScanned(),
        r.bytesScanned(), a.explanation());
  }

  /** Assesses findings in the given order (contributions refer to these indices). */
  public static Assessment assess(List<Finding> findings, LearnedModel model) {
    VerdictModel.Assessment rules = VerdictModel.assess(findings);
    // Decisive threats, "a threat exists" and the features count only where the rule-only verdict
    // weighs them (code that runs on install or import; CodeScope): worked out once for all three.
    List<Finding> weighed = VerdictModel.weighed(findings);
    Map<String, List<Integer>> features = ModelFeatures.extract(findings, weighed);
    double[] share = new double[findings.size()];
    double sum = 0;
    for (Map.Entry<String, List<Integer>> e : features.entrySet()) {
      double w = model.weight(e.getKey());
      if (w == 0) {
        continue;
      }
      sum += w;
      double part = w / e.getValue().size();
      for (int i : e.getValue()) {
        share[i] += part;
      }
    }
    double logit = model.bias() + sum;
    double p = 1 / (1 + Math.exp(-logit));
    String forcedBy = weighed.stream().filter(VerdictModel::decisive).map(Finding::ruleId)
        .findFirst().orElse("");
    boolean threat = weighed.stream().anyMatch(Finding::threat);
    Verdict v;
    if (!forcedBy.isEmpty() || threat && p >= model.malicious()) {
      v = Verdict.MALICIOUS;
    } else if (p >= model.suspicious()) {
      v = Verdict.SUSPICIOUS;
    } else {
      v = Verdict.CLEAN;
    }
    int score = score(p, model);
    if (v == Verdict.MALICIOUS) {
      score = Math.max(score, Weights.MALICIOUS_SCORE);
    } else if (v == Verdict.SUSPICIOUS) {
      score = Math.max(Weights.SUSPICIOUS_SCORE, Math.min(score, Weights.MALICIOUS_SCORE - 1));
    }
    List<Contribution> cs = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      cs.add(new Contribution(i, f.ruleId(), f.location().toString(), share[i]));
    }
    ModelExplanation ex = new ModelExplanation(true, model.id(), model.bias(), logit, p, forcedBy,
        rules.verdict(), rules.score(), cs);
    return new Assessment(v, score, reason(v, findings, cs, p, model, forcedBy), ex);
  }

  /**
   * Maps the probability onto the 0–100 score so that the thresholds land where the rule-only
   * score puts them: suspicious at 15, malicious at 70.
   */
  static int score(double p, LearnedModel m) {
    double s;
    if (p < m.suspicious()) {
      s = Weights.SUSPICIOUS_SCORE * p / m.suspicious();
    } else if (p < m.malicious()) {
      s = Weights.SUSPICIOUS_SCORE + (Weights.MALICIOUS_SCORE - Weights.SUSPICIOUS_SCORE)
          * (p - m.suspicious()) / (m.malicious() - m.suspicious());
    } else {
      s = Weights.MALICIOUS_SCORE + (100 - Weights.MALICIOUS_SCORE) * (p - m.malicious()) / (1 - m.malicious());
    }
    return (int) Math.max(0, Math.min(100, Math.floor(s)));
  }

  private static String reason(Verdict v, List<Finding> findings, List<Contribution> cs, double p,
      LearnedModel m, String forcedBy) {
    if (findings.isEmpty()) {
      return "No findings.";
    }
    List<Contribution> top = cs.stream()
        .sorted(Comparator.comparingDouble((Contribution c) -> -c.contribution()).thenComparingInt(Contribution::finding))
        .toList();
    Contribution lead = top.get(0);
    Finding f = findings.get(lead.finding());
    String msg = f.message().endsWith(".") ? f.message().substring(0, f.message().length() - 1) : f.message();
    String head = switch (v) {
      case MALICIOUS -> "Malicious";
      case SUSPICIOUS -> "Suspicious";
      case CLEAN -> findings.stream().anyMatch(Finding::threat) ? "Weak evidence only" : "Only capabilities";
    };
    String drivers = String.join(", ", top.stream().filter(c -> c.contribution() > 0)
        .map(Contribution::ruleId).distinct().limit(3)
        .map(id -> id + " " + signed(top.stream().filter(c -> c.ruleId().equals(id))
            .mapToDouble(Contribution::contribution).sum())).toList());
    String model = String.format(Locale.ROOT, "model %.2f (malicious at %.2f)", p, m.malicious());
    String why = forcedBy.isEmpty() ? "" : "; " + forcedBy + " is decisive on its own";
    return head + ": " + lowerFirst(msg) + " (" + f.ruleId() + " at " + f.location() + "); "
        + model + (drivers.isEmpty() ? "" : ", driven by " + drivers) + why + ".";
  }

  private static String signed(double d) {
    return String.format(Locale.ROOT, "%+.2f", d);
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }

}
