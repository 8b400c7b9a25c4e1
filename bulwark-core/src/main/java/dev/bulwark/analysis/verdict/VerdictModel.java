package dev.bulwark.analysis.verdict;

import dev.bulwark.model.NpmLifecycle;
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

  public static Assessment assess(List<Finding> raw) {
    return assess(raw, Set.of());
  }

  /**
   * The assessment when some files are known to run (a project's triggers reach them): their
   * findings are weighed wherever they are (tests/, a bundle, …).
   */
  public static Assessment assess(List<Finding> raw, Set<String> filesThatRun) {
    // Where the code runs decides what a finding weighs (tests, docs, bundles): see CodeScope.
    CodeScope.Scoped scoped = CodeScope.effective(raw, hookCommands(raw), filesThatRun);
    List<Finding> findings = scoped.weighed();
    List<Finding> threats = findings.stream().filter(Finding::threat).sorted(STRENGTH).toList();
    List<Finding> caps = findings.stream().filter(x -> !x.threat()).sorted(STRENGTH).toList();
    double threatScore = decayed(perRule(threats), true);
    double capScore = Math.min(Weights.CAPABILITY_CAP, decayed(perRule(caps), false));
    List<String> combos = new ArrayList<>();
    int bonus = bonuses(findings, combos);
    int score = (int) Math.min(100, Math.round(threatScore + capScore + bonus));
    if (threats.stream().anyMatch(VerdictModel::decisive)) {
      score = Math.max(score, Weights.MALICIOUS_SCORE);
    }
    Verdict v;
    if (threats.isEmpty()) {
      score = Math.min(score, Weights.CAPABILITY_ONLY_MAX);
      long cats = caps.stream().filter(CodeScope::ownCode).map(Finding::category).distinct().count();
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
    String reason = findings.isEmpty() && !scoped.setAside().isEmpty()
        ? "Findings only in code that does not run on install or import (tests, docs, examples, CI, build"
            + " files) or, in bundled code, with nothing else in the same region; none is weighed."
        : reason(v, threats, caps, combos);
    return new Assessment(v, score, reason);
  }

  /**
   * The findings the verdict weighs, in their order: those of code that runs on install or import
   * (see {@link CodeScope}). The learned model takes its features and its decisive threats from
   * these only, so it weighs the same evidence as the rule-only verdict.
   */
  static List<Finding> weighed(List<Finding> raw) {
    return CodeScope.effective(raw, hookCommands(raw), Set.of()).weighed();
  }

  /**
   * A threat whose rule is sure enough on its own: high severity at high confidence, or critical
   * severity at medium confidence or more. Rules are only tagged so when benign code does not
   * match them (see docs/rules.md), so one such finding makes a package malicious.
   */
  static boolean decisive(Finding f) {
    if (!f.threat() || f.category() == Category.METADATA) {
      return false;
    }
    return f.severity() == Severity.CRITICAL && f.confidence() != dev.bulwark.model.Confidence.LOW
        || f.severity() == Severity.HIGH && f.confidence() == dev.bulwark.model.Confidence.HIGH;
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
      // Low-confidence threats are too weak to take part in combinations.
      if (f.threat() && f.confidence() != dev.bulwark.model.Confidence.LOW) {
        threatCats.add(f.category());
      }
      if (f.threat() && f.location().file().contains("!decoded/")) {
        decodedCats.add(f.category());
      }
    }
    int bonus = 0;
    boolean hook = cats.contains(Category.INSTALL_HOOK);
    // A hook counts fully when the threat runs at install time: in the hook itself, in setup.py or
    // a .pth file, or in a file the hook's command names; otherwise the link is only likely.
    int hookWeight = installTimeThreat(all) ? 1 : 2;
    boolean sendsThreat = threatCats.contains(Category.EXFILTRATION) || threatCats.contains(Category.SUSPICIOUS_NETWORK);
    boolean sends = cats.contains(Category.EXFILTRATION) || cats.contains(Category.SUSPICIOUS_NETWORK);
    boolean stealsThreat = threatCats.contains(Category.CREDENTIAL_THEFT);
    if (hook && (stealsThreat && (sends || cats.contains(Category.DOWNLOAD_EXECUTE))
        || threatCats.contains(Category.EXFILTRATION))) {
      bonus += add(names, Weights.BONUS_HOOK_EXFIL / hookWeight, "an install hook with credential access and network use");
    }
    if (hook && threatCats.contains(Category.DOWNLOAD_EXECUTE)) {
      bonus += add(names, Weights.BONUS_HOOK_DOWNLOAD / hookWeight, "an install hook that downloads and runs code");
    }
    long highRules = all.stream().filter(f -> f.threat() && f.severity().atLeast(Severity.HIGH)
        && f.confidence() != dev.bulwark.model.Confidence.LOW && f.category() != Category.METADATA)
        .map(Finding::ruleId).distinct().count();
    if (highRules >= 2) {
      bonus += add(names, Weights.BONUS_INDEPENDENT_HIGH_THREATS, "independent strong signs of an attack");
    }
    if (installTimeAttack(all)) {
      bonus += add(names, Weights.BONUS_INSTALL_TIME_THREAT, "attack code that runs at install time");
    }
    if (decodedCats.contains(Category.CODE_EXECUTION) || decodedCats.contains(Category.DOWNLOAD_EXECUTE)
        || decodedCats.contains(Category.EXFILTRATION) || decodedCats.contains(Category.CREDENTIAL_THEFT)) {
      bonus += add(names, Weights.BONUS_DECODED_EXEC, "behaviour hidden in an encoded payload");
    }
    if (threatCats.contains(Category.OBFUSCATION) && (threatCats.contains(Category.CODE_EXECUTION)
        || threatCats.contains(Category.DOWNLOAD_EXECUTE) || threatCats.contains(Category.EXFILTRATION))) {
      bonus += add(names, Weights.BONUS_OBFUSCATED_BEHAVIOUR, "obfuscated code that executes or sends data");
    }
    if (stealsThreat && (sendsThreat || sends && hook)) {
      bonus += add(names, Weights.BONUS_STEAL_AND_SEND, "credential access together with sending data out");
    }
    return bonus;
  }

  private static final Set<Category> BEHAVIOUR = EnumSet.of(Category.EXFILTRATION, Category.CREDENTIAL_THEFT,
      Category.DOWNLOAD_EXECUTE, Category.CODE_EXECUTION, Category.SUSPICIOUS_NETWORK);

  /** Whether a behaviour threat sits in install-time code or in a file an install hook names. */
  static boolean installTimeThreat(List<Finding> all) {
    List<String> hookCommands = hookCommands(all);
    Set<String> mains = folderMains(all);
    return all.stream().anyMatch(f -> f.threat() && BEHAVIOUR.contains(f.category())
        && (atInstallTime(f, hookCommands) || inFolderMain(f, mains)));
  }

  /**
   * Whether a threat that is not weak (medium severity or more, confidence not low) runs at
   * install time: in setup.py, a .pth file, an npm hook script or a file the hook runs. Code that
   * runs when a package is installed has no reason to hide, beacon or download, so any such
   * threat there is an attack on the installing machine.
   */
  static boolean installTimeAttack(List<Finding> all) {
    List<String> hookCommands = hookCommands(all);
    Set<String> mains = folderMains(all);
    return all.stream().anyMatch(f -> f.threat() && f.category() != Category.METADATA
        && f.severity().atLeast(Severity.MEDIUM) && f.confidence() != dev.bulwark.model.Confidence.LOW
        && (f.category() != Category.INSTALL_HOOK || f.severity().atLeast(Severity.HIGH))
        && (atInstallTime(f, hookCommands) || inFolderMain(f, mains)
            || BEHAVIOUR.contains(f.category()) && atImportTime(f)));
  }

  /** A package's top-level {@code __init__.py} runs as soon as the package is imported. */
  private static boolean atImportTime(Finding f) {
    String file = f.location().file();
    int decoded = file.indexOf("!decoded/");
    String origin = decoded < 0 ? file : file.substring(0, decoded);
    int bang = origin.lastIndexOf('!');
    String inner = bang < 0 ? origin : origin.substring(bang + 1);
    // pyrecall: an sdist's src/ layout (name-1.0/src/pkg/__init__.py) is the package's top level too.
    String[] parts = inner.replaceFirst("^/", "").replace("/src/", "/").split("/");
    // pkg/__init__.py in a wheel, or name-1.0/pkg/__init__.py in an sdist
    return parts.length >= 2 && parts.length <= 3 && parts[parts.length - 1].equals("__init__.py");
  }

  private static List<String> hookCommands(List<Finding> all) {
    return all.stream().filter(f -> f.category() == Category.INSTALL_HOOK).map(Finding::snippet).toList();
  }

  private static boolean atInstallTime(Finding f, List<String> hookCommands) {
    String base = shippedBaseName(f.location().file());
    // npm scripts other than the install ones (test, build, a CI helper) run only when someone
    // asks for them in the package's own folder, never when the package is installed
    if (base.equals("setup.py") || base.startsWith("setup.py#") || base.contains(".pth")
        || NpmLifecycle.isInstallScriptPath(base)) {
      return true;
    }
    return !base.isEmpty() && hookCommands.stream().anyMatch(c -> c.contains(base));
  }

  /**
   * The main modules that install hooks run by running their package's folder ({@code node .}):
   * {@code index.js} beside the {@code package.json} whose hook it is.
   */
  private static Set<String> folderMains(List<Finding> all) {
    Set<String> out = new java.util.HashSet<>();
    for (Finding f : all) {
      String file = f.location().file();
      int at = file.indexOf("package.json#scripts.");
      if (f.category() == Category.INSTALL_HOOK && at >= 0 && runsPackageFolder(f.snippet())) {
        out.add(file.substring(0, at) + "index.js");
      }
    }
    return out;
  }

  private static boolean inFolderMain(Finding f, Set<String> mains) {
    String file = f.location().file();
    int decoded = file.indexOf("!decoded/");
    return !mains.isEmpty() && mains.contains(decoded < 0 ? file : file.substring(0, decoded));
  }

  /**
   * Whether a hook command runs the package's own folder with node ({@code node .},
   * {@code node ./}), which loads its main module: {@code index.js} unless package.json names
   * another (the hook finding carries only the command, so a named main is reached by name).
   */
  static boolean runsPackageFolder(String command) {
    String[] words = command.trim().split("[\\s;&|]+");
    for (int i = 0; i + 1 < words.length; i++) {
      if ((words[i].equals("node") || words[i].endsWith("/node")) && (words[i + 1].equals(".") || words[i + 1].equals("./"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The file name of the shipped file a finding's path points at: the part before any
   * {@code !decoded/n} suffix, after the last '/' (so a path inside a nested archive,
   * {@code pkg.tgz!/pkg/setup.py}, gives {@code setup.py}).
   */
  static String shippedBaseName(String file) {
    int decoded = file.indexOf("!decoded/");
    String origin = decoded < 0 ? file : file.substring(0, decoded);
    return origin.substring(origin.lastIndexOf('/') + 1);
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
