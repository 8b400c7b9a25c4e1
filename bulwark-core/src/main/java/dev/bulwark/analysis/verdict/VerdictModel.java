package dev.bulwark.analysis.verdict;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.model.Category;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Combines findings into a score from 0 to 100, a verdict and one sentence naming the strongest
 * evidence. Threats weigh by severity × confidence with diminishing returns; capabilities add a
 * little, capped, and alone never make a package malicious; some combinations add a bonus.
 * See docs/verdict.md.
 */
public final class VerdictModel {
  private VerdictModel() {}

  /** The verdict, score and reason of a set of findings. */
  public record Assessment(Verdict verdict, int score, String reason) {}

  /** Builds the scan result: sorted lists plus the assessment. */
  public static ScanResult result(Artifact a, List<Finding> findings, List<Skipped> skipped,
      List<Problem> errors, int files, long bytes) {
    List<Finding> f = dedupe(findings);
    List<Skipped> s = new ArrayList<>(new java.util.TreeSet<>(skipped));
    List<Problem> e = new ArrayList<>(errors);
    e.sort(null);
    Assessment as = assess(f);
    return new ScanResult(a.displayName(), "package", a.ecosystem(), a.name(), a.version(), as.verdict(),
        as.score(), as.reason(), f, s, e, files, bytes);
  }

  /** Sorted, without exact duplicates (same rule, place and snippet). */
  static List<Finding> dedupe(List<Finding> findings) {
    return new ArrayList<>(new java.util.TreeSet<>(findings));
  }

  public static Assessment assess(List<Finding> findings) {
    List<Finding> threats = findings.stream().filter(Finding::threat).sorted(STRENGTH).toList();
    List<Finding> caps = findings.stream().filter(x -> !x.threat()).sorted(STRENGTH).toList();
    double threatScore = decayed(perRule(threats), true);
    double capScore = Math.min(Weights.CAPABILITY_CAP, decayed(perRule(caps), false));
    List<String> combos = new ArrayList<>();
    int bonus = bonuses(findings, combos);
    int score = (int) Math.min(100, Math.round(threatScore + capScore + bonus));
    Verdict v;
    if (threats.isEmpty()) {
      score = Math.min(score, Weights.CAPABILITY_ONLY_MAX);
      long cats = caps.stream().map(Finding::category).distinct().count();
      v = cats >= Weights.CAPABILITY_CATEGORIES_FOR_SUSPICIOUS || score >= Weights.SUSPICIOUS_SCORE && !combos.isEmpty()
          ? Verdict.SUSPICIOUS : Verdict.CLEAN;
      score = v == Verdict.CLEAN ? Math.min(score, Weights.SUSPICIOUS_SCORE - 1) : Math.max(score, Weights.SUSPICIOUS_SCORE);
    } else if (score >= Weights.MALICIOUS_SCORE
        && (threats.get(0).severity().atLeast(Severity.HIGH) || !combos.isEmpty())) {
      v = Verdict.MALICIOUS;
    } else if (score >= Weights.SUSPICIOUS_SCORE) {
      v = Verdict.SUSPICIOUS;
    } else {
      v = Verdict.CLEAN;
    }
    return new Assessment(v, score, reason(v, threats, caps, combos));
  }

  private static final Comparator<Finding> STRENGTH =
      Comparator.comparingDouble((Finding f) -> -weight(f)).thenComparing(Comparator.naturalOrder());

  static double weight(Finding f) {
    double base = f.threat() ? Weights.threat(f.severity()) : Weights.capability(f.severity());
    return base * Weights.confidence(f.confidence());
  }

  /** The strongest finding of each rule: repeating one rule in many files adds little. */
  private static List<Double> perRule(List<Finding> sorted) {
    Map<String, Integer> seen = new HashMap<>();
    List<Double> out = new ArrayList<>();
    for (Finding f : sorted) {
      int n = seen.merge(f.ruleId(), 1, Integer::sum);
      out.add(n == 1 ? weight(f) : weight(f) * 0.1 / n);
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }

  private static double decayed(List<Double> weights, boolean threat) {
    double total = 0;
    double factor = 1;
    for (double w : weights) {
      total += w * factor;
      factor *= threat ? Weights.THREAT_DECAY : 0.8;
    }
    return total;
  }

  private static int bonuses(List<Finding> all, List<String> names) {
    Set<Category> cats = EnumSet.noneOf(Category.class);
    Set<Category> threatCats = EnumSet.noneOf(Category.class);
    Set<Category> decodedCats = EnumSet.noneOf(Category.class);
    for (Finding f : all) {
      cats.add(f.category());
      if (f.threat()) {
        threatCats.add(f.category());
      }
      if (f.location().file().contains("!decoded/")) {
        decodedCats.add(f.category());
      }
    }
    int bonus = 0;
    boolean sends = cats.contains(Category.EXFILTRATION) || cats.contains(Category.SUSPICIOUS_NETWORK);
    boolean hook = cats.contains(Category.INSTALL_HOOK);
    if (hook && (sends || cats.contains(Category.DOWNLOAD_EXECUTE)) && cats.contains(Category.CREDENTIAL_THEFT)
        || hook && threatCats.contains(Category.EXFILTRATION)) {
      bonus += add(names, Weights.BONUS_HOOK_EXFIL, "an install hook with credential access and network use");
    }
    if (hook && threatCats.contains(Category.DOWNLOAD_EXECUTE)) {
      bonus += add(names, Weights.BONUS_HOOK_DOWNLOAD, "an install hook that downloads and runs code");
    }
    if (decodedCats.contains(Category.CODE_EXECUTION) || decodedCats.contains(Category.DOWNLOAD_EXECUTE)
        || decodedCats.contains(Category.EXFILTRATION) || decodedCats.contains(Category.CREDENTIAL_THEFT)) {
      bonus += add(names, Weights.BONUS_DECODED_EXEC, "behaviour hidden in an encoded payload");
    }
    if (threatCats.contains(Category.OBFUSCATION) && (cats.contains(Category.CODE_EXECUTION)
        || cats.contains(Category.DOWNLOAD_EXECUTE) || cats.contains(Category.EXFILTRATION))) {
      bonus += add(names, Weights.BONUS_OBFUSCATED_BEHAVIOUR, "obfuscated code that executes or sends data");
    }
    if (threatCats.contains(Category.CREDENTIAL_THEFT) && sends) {
      bonus += add(names, Weights.BONUS_STEAL_AND_SEND, "credential access together with sending data out");
    }
    return bonus;
  }

  private static int add(List<String> names, int bonus, String name) {
    names.add(name);
    return bonus;
  }

  private static String reason(Verdict v, List<Finding> threats, List<Finding> caps, List<String> combos) {
    if (threats.isEmpty() && caps.isEmpty()) {
      return "No findings.";
    }
    if (threats.isEmpty()) {
      String what = String.join(", ", caps.stream().map(f -> f.category().jsonName()).distinct().limit(4).toList());
      return v == Verdict.CLEAN
          ? "Only capabilities were found (" + what + "); none is an attack on its own."
          : "Several capabilities occur together (" + what + "), but no finding is an attack on its own.";
    }
    Finding top = threats.get(0);
    String msg = top.message().endsWith(".") ? top.message().substring(0, top.message().length() - 1) : top.message();
    String lead = switch (v) {
      case MALICIOUS -> "Malicious";
      case SUSPICIOUS -> "Suspicious";
      case CLEAN -> "Weak evidence only";
    };
    String combo = combos.isEmpty() ? "" : ", with " + String.join(" and ", combos);
    return lead + ": " + lowerFirst(msg) + " (" + top.ruleId() + " at " + top.location() + ")" + combo + ".";
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}
