package dev.bulwark.eval.model;

import dev.bulwark.analysis.verdict.LearnedModel;
import dev.bulwark.analysis.verdict.ModelVerdict;
import dev.bulwark.model.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregate figures of one side of the split, per set, with the model and rule-only: counts only,
 * never a sample id (validation is read only as counts).
 */
final class Figures {
  private Figures() {}

  static Map<String, Object> measure(List<TrainingSample> samples, LearnedModel m) {
    Map<String, int[]> counts = new TreeMap<>();
    for (TrainingSample t : samples) {
      Verdict model = ModelVerdict.assess(t.findings(), m).verdict();
      Verdict rules = ModelTrainer.ruleVerdict(t);
      int[] c = counts.computeIfAbsent(t.set(), k -> new int[5]);
      c[0]++;
      c[1] += model == Verdict.MALICIOUS ? 1 : 0;
      c[2] += model != Verdict.CLEAN ? 1 : 0;
      c[3] += rules == Verdict.MALICIOUS ? 1 : 0;
      c[4] += rules != Verdict.CLEAN ? 1 : 0;
    }
    Map<String, Object> out = new TreeMap<>();
    counts.forEach((set, c) -> {
      Map<String, Object> f = new TreeMap<>();
      f.put("samples", c[0]);
      f.put("model", rates(c[1], c[2], c[0]));
      f.put("rules", rates(c[3], c[4], c[0]));
      out.put(set, f);
    });
    return out;
  }

  private static Map<String, Object> rates(int mal, int susp, int n) {
    Map<String, Object> m = new TreeMap<>();
    m.put("malicious", mal);
    m.put("suspiciousOrWorse", susp);
    m.put("rateMalicious", pct(mal, n));
    m.put("rateSuspiciousOrWorse", pct(susp, n));
    return m;
  }

  static String pct(int n, int d) {
    return d == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * n / d);
  }

  /** One line per set, for the console. */
  @SuppressWarnings("unchecked")
  static String table(String side, Map<String, Object> figures) {
    StringBuilder b = new StringBuilder();
    figures.forEach((set, v) -> {
      Map<String, Object> f = (Map<String, Object>) v;
      Map<String, Object> mo = (Map<String, Object>) f.get("model");
      Map<String, Object> ru = (Map<String, Object>) f.get("rules");
      b.append(String.format(Locale.ROOT, "%-11s %-22s n=%-5s model: mal %s (%s) susp+ %s (%s) | rules: mal %s (%s) susp+ %s (%s)%n",
          side, set, f.get("samples"), mo.get("malicious"), mo.get("rateMalicious"), mo.get("suspiciousOrWorse"),
          mo.get("rateSuspiciousOrWorse"), ru.get("malicious"), ru.get("rateMalicious"),
          ru.get("suspiciousOrWorse"), ru.get("rateSuspiciousOrWorse")));
    });
    return b.toString();
  }
}
