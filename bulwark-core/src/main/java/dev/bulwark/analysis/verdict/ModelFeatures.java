package dev.bulwark.analysis.verdict;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a package's findings into the binary features of the learned verdict model, and remembers
 * which findings produced each feature so the model's weight can be handed back to them.
 *
 * <p>Features come only from findings: category, severity and confidence, whether the finding is a
 * threat or a capability, where the code is reached from (install time, import time, a bundle,
 * tests/docs/examples, a decoded payload) and the rule itself. Nothing is taken from the package's
 * name, version, size, file count or dates: those separate "dataset samples" from "popular
 * packages", not malicious from benign. Every feature is present or absent (value 1), so a big
 * package with many weak hits does not get a bigger value than a small one with the same hits.
 */
public final class ModelFeatures {
  private ModelFeatures() {}

  /** The prefixes every feature name starts with; a test checks no other kind exists. */
  public static final List<String> PREFIXES =
      List.of("kind:", "cat:", "sev:", "reach:", "rule:", "decoded:", "combo:");

  /**
   * Reader findings that only say a limit of size, count, depth or time was hit: they describe the
   * package's shape (or the machine's load), not its behaviour, so they give no feature and the
   * model gives them no weight (a first model learned "a very large archive is benign" from them).
   */
  static final java.util.Set<String> SHAPE_ONLY = java.util.Set.of("archive-too-large",
      "archive-too-many-entries", "archive-oversized-file", "archive-nesting-too-deep",
      "archive-time-budget");

  /** Where the code of a finding runs from. */
  enum Reach {
    INSTALL, TEST, BUNDLE, IMPORT, OTHER;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Feature name → the indices (into {@code findings}) of the findings that produced it, sorted by
   * feature name. Deterministic for a given list.
   */
  public static Map<String, List<Integer>> extract(List<Finding> findings) {
    return extract(findings, VerdictModel.weighed(findings));
  }

  /** As {@link #extract(List)}, with the weighed findings ({@link VerdictModel#weighed}) already known. */
  static Map<String, List<Integer>> extract(List<Finding> findings, List<Finding> weighedFindings) {
    Map<String, List<Integer>> out = new TreeMap<>();
    List<String> hooks = findings.stream().filter(f -> f.category() == Category.INSTALL_HOOK)
        .map(Finding::snippet).toList();
    List<Integer> threatRules = new ArrayList<>();
    java.util.Set<String> threatRuleIds = new java.util.TreeSet<>();
    boolean installThreat = false;
    boolean sends = false;
    boolean steals = false;
    // The evidence the rule-only verdict weighs (CodeScope): findings in code that does not run on
    // install or import, and uncorroborated weak threats in bundles, give no feature either.
    java.util.Set<Finding> weighed = new java.util.HashSet<>(weighedFindings);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (SHAPE_ONLY.contains(f.ruleId()) || !weighed.contains(f)) {
        continue;
      }
      String tc = f.threat() ? "T" : "C";
      String cat = f.category().jsonName();
      String sev = lower(f.severity().name());
      String conf = lower(f.confidence().name());
      Reach reach = reach(f, hooks);
      add(out, "kind:" + tc, i);
      add(out, "cat:" + cat + ":" + tc, i);
      add(out, "cat:" + cat + ":" + tc + ":" + sev + ":" + conf, i);
      add(out, "sev:" + sev + ":" + conf + ":" + tc, i);
      add(out, "reach:" + reach.key() + ":" + tc, i);
      add(out, "reach:" + reach.key() + ":" + cat + ":" + tc, i);
      add(out, "rule:" + f.ruleId(), i);
      int depth = decodedDepth(f.location().file());
      if (depth > 0) {
        add(out, "decoded:" + Math.min(depth, 3) + ":" + tc, i);
        add(out, "decoded:" + cat + ":" + tc, i);
      }
      if (f.threat() && f.category() != Category.METADATA && f.confidence() != Confidence.LOW) {
        if (threatRuleIds.add(f.ruleId())) {
          threatRules.add(i);
        }
        installThreat |= reach == Reach.INSTALL && f.severity().atLeast(Severity.MEDIUM);
      }
      sends |= f.category() == Category.EXFILTRATION || f.category() == Category.SUSPICIOUS_NETWORK;
      steals |= f.category() == Category.CREDENTIAL_THEFT;
    }
    if (threatRules.size() >= 2) {
      out.put("combo:threat-rules>=2", List.copyOf(threatRules));
    }
    if (threatRules.size() >= 3) {
      out.put("combo:threat-rules>=3", List.copyOf(threatRules));
    }
    if (installThreat && weighed.stream().anyMatch(f -> f.category() == Category.INSTALL_HOOK)) {
      out.put("combo:hook+install-threat", indices(findings, f -> weighed.contains(f)
          && (f.category() == Category.INSTALL_HOOK || f.threat() && reach(f, hooks) == Reach.INSTALL)));
    }
    if (sends && steals) {
      out.put("combo:steal+send", indices(findings, f -> weighed.contains(f)
          && (f.category() == Category.CREDENTIAL_THEFT
          || f.category() == Category.EXFILTRATION || f.category() == Category.SUSPICIOUS_NETWORK)));
    }
    return out;
  }

  /** Where a finding's code is reached from: install time wins over tests, bundles and import. */
  static Reach reach(Finding f, List<String> hookCommands) {
    if (f.category() == Category.INSTALL_HOOK) {
      return Reach.INSTALL;
    }
    String file = f.location().file();
    int decoded = file.indexOf("!decoded/");
    String origin = (decoded < 0 ? file : file.substring(0, decoded)).toLowerCase(Locale.ROOT);
    String base = origin.substring(origin.lastIndexOf('/') + 1);
    if (base.equals("setup.py") || base.startsWith("setup.py#") || base.contains(".pth")
        || base.contains("#scripts.")
        || !base.isEmpty() && hookCommands.stream().anyMatch(c -> c.contains(base))) {
      return Reach.INSTALL;
    }
    String inner = "/" + origin.substring(origin.lastIndexOf('!') + 1).replaceFirst("^/", "");
    for (String t : TEST_PARTS) {
      if (inner.contains(t)) {
        return Reach.TEST;
      }
    }
    if (base.startsWith("test_") || base.endsWith("_test.py") || base.equals("conftest.py")
        || base.equals("makefile") || base.contains(".test.") || base.contains(".spec.")) {
      return Reach.TEST;
    }
    for (String b : BUNDLE_PARTS) {
      if (inner.contains(b)) {
        return Reach.BUNDLE;
      }
    }
    if (base.endsWith(".min.js") || base.contains(".bundle.") || base.contains("-bundle.")
        || base.contains(".umd.") || base.endsWith(".chunk.js")) {
      return Reach.BUNDLE;
    }
    String[] parts = inner.replaceFirst("^/", "").replace("/src/", "/").split("/");
    // A package's top level: pkg/__init__.py (wheel), name-1.0/pkg/__init__.py (sdist), or the
    // root entry of an npm package (package/index.js), which runs as soon as it is imported.
    if (parts.length >= 2 && parts.length <= 3 && base.equals("__init__.py")
        || parts.length <= 2 && (base.equals("index.js") || base.equals("index.cjs")
            || base.equals("index.mjs"))) {
      return Reach.IMPORT;
    }
    return Reach.OTHER;
  }

  private static final List<String> TEST_PARTS = List.of("/test/", "/tests/", "/__tests__/", "/spec/",
      "/docs/", "/doc/", "/examples/", "/example/", "/.github/", "/benchmarks/", "/benchmark/",
      "/bench/", "/testing/", "/fixtures/", "/.circleci/", "/ci/");
  private static final List<String> BUNDLE_PARTS = List.of("/dist/", "/build/", "/static/",
      "/vendor/", "/vendors/", "/umd/", "/bundles/", "/browser/", "/assets/", "/_vendor/");

  static int decodedDepth(String file) {
    int n = 0;
    int at = file.indexOf("!decoded/");
    while (at >= 0) {
      n++;
      at = file.indexOf("!decoded/", at + 1);
    }
    return n;
  }

  private static void add(Map<String, List<Integer>> out, String feature, int index) {
    out.computeIfAbsent(feature, k -> new ArrayList<>()).add(index);
  }

  private static List<Integer> indices(List<Finding> findings, java.util.function.Predicate<Finding> p) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (p.test(findings.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
