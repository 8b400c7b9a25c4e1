package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Severity;
import dev.bulwark.policy.IgnoreRule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an audit for people in a terminal. Pure: result in, text out. */
public final class ConsoleAuditRenderer {
  private ConsoleAuditRenderer() {}

  public static void render(AuditReport r, ToolInfo tool, Style st, boolean quiet, PrintWriter out) {
    for (AuditReport.Target t : r.targets()) {
      if (!quiet) {
        out.println(st.bold("Audit of " + Style.safe(t.path(), 200)));
        for (var i : t.inventories()) {
          out.println(st.dim("  read " + Style.safe(i.file(), 200) + " (" + i.format() + ", "
              + plural(i.dependencies().size(), "package") + ")"));
        }
        if (t.inventories().isEmpty() && t.problems().isEmpty()) {
          out.println("  no lockfile or manifest found");
        }
        out.println();
      }
      List<AuditFinding> shown = new ArrayList<>();
      for (AuditFinding f : t.findings()) {
        if (!quiet || r.failOn().fails(f)) {
          shown.add(f);
        }
      }
      Map<Double, String> scores = new HashMap<>();
      for (List<AuditFinding> group : byDependency(shown)) {
        dependency(group, st, out, scores);
      }
      for (Problem p : t.problems()) {
        out.println(st.yellow("error: ") + Style.safe(p.location().toString(), 300) + ": "
            + Style.safe(p.message(), 500));
      }
      if (!quiet && !t.ignored().isEmpty()) {
        out.println(st.dim(plural(t.ignored().size(), "finding") + " ignored by policy:"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AuditReport.Ignored ig : t.ignored()) {
          String key = ig.finding().dependency().display() + " until " + ig.rule().expires()
              + " (" + ig.rule().location() + "): " + Style.safe(ig.rule().reason(), 200);
          counts.merge(key, 1, Integer::sum);
        }
        counts.forEach((k, n) -> out.println(st.dim("  " + plural(n, "advisory") + " in " + k)));
      }
    }
    for (IgnoreRule i : r.expiredIgnores()) {
      out.println(st.yellow("policy: ") + "the ignore for " + i.describe() + " expired on "
          + i.expires() + " and no longer applies (" + i.location() + ")");
    }
    for (IgnoreRule i : r.unusedIgnores()) {
      out.println(st.yellow("policy: ") + "the ignore for " + i.describe()
          + " matched nothing; remove it (" + i.location() + ")");
    }
    if (!quiet) {
      summary(r, tool, st, out);
    }
    out.flush();
  }

  /** Groups findings by dependency occurrence (same file, line, name and version), keeping order. */
  static List<List<AuditFinding>> byDependency(List<AuditFinding> findings) {
    Map<String, List<AuditFinding>> groups = new LinkedHashMap<>();
    List<AuditFinding> sorted = new ArrayList<>(findings);
    // order groups by their worst finding (malicious first, then severity); the natural order
    // breaks ties by location, name and version, so groups of equal rank come in that order
    sorted.sort(Comparator.naturalOrder());
    // The key of each dependency occurrence is built once, not once per finding.
    Map<Dependency, String> keys = new IdentityHashMap<>();
    for (AuditFinding f : sorted) {
      String key = keys.computeIfAbsent(f.dependency(),
          d -> d.location() + "\u0000" + d.name() + "\u0000" + d.version());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    return new ArrayList<>(groups.values());
  }

  private static void dependency(List<AuditFinding> group, Style st, PrintWriter out,
      Map<Double, String> scores) {
    AuditFinding worst = group.get(0);
    Dependency d = worst.dependency();
    boolean malicious = worst.kind() == AdvisoryKind.MALICIOUS;
    String label = malicious ? st.red("MALICIOUS") : color(st, worst.severity(), worst.severity().name());
    out.println(label + "  " + st.bold(Style.safe(d.display(), 200)) + "  "
        + plural(group.size(), "advisory")
        + st.dim("  " + Style.safe(d.location().toString(), 300)
            + (d.direct() ? ", direct" : ", transitive") + (d.dev() ? ", dev" : "")));
    if (d.path().size() > 2) {
      out.println("    via " + Style.safe(String.join(" > ", d.path()), 400));
    }
    for (AuditFinding f : group) {
      // formatted once per distinct score: a large audit repeats a few scores many times
      String score = f.cvssScore().isPresent()
          ? scores.computeIfAbsent(f.cvssScore().getAsDouble(),
              v -> String.format(Locale.ROOT, " CVSS %.1f", v)) : "";
      String sev = f.kind() == AdvisoryKind.MALICIOUS ? "malicious"
          : f.severity().jsonName() + score;
      out.println("    " + f.id() + st.dim(" [" + sev + "]") + " "
          + Style.safe(f.summary().isEmpty() ? "(no summary)" : f.summary(), 160)
          + (f.aliases().isEmpty() ? "" : st.dim(" (" + String.join(", ", f.aliases()) + ")")));
    }
    if (malicious) {
      out.println("    " + st.red("This package is known to be malicious.")
          + " Remove it; if it was ever installed, treat the machine as compromised:"
          + " run `bulwark sweep` from a clean shell and rotate credentials.");
    } else {
      String fix = FixAdvice.describe(d, group);
      out.println("    fix: " + fix);
    }
    if (d.unpinned() || group.stream().anyMatch(AuditFinding::unpinned)) {
      out.println("    " + st.yellow("unpinned:") + " the range allows affected versions;"
          + " pin a fixed version in a lockfile");
    }
    out.println();
  }

  static String plural(int n, String noun) {
    if (n == 1) {
      return "1 " + noun;
    }
    return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
  }

  private static String color(Style st, Severity s, String text) {
    return switch (s) {
      case CRITICAL, HIGH -> st.red(text);
      case MEDIUM -> st.yellow(text);
      default -> text;
    };
  }

  private static void summary(AuditReport r, ToolInfo tool, Style st, PrintWriter out) {
    int deps = 0;
    int findings = 0;
    int malicious = 0;
    for (AuditReport.Target t : r.targets()) {
      deps += t.dependencies().size();
      findings += t.findings().size();
      malicious += (int) t.findings().stream().filter(f -> f.kind() == AdvisoryKind.MALICIOUS).count();
    }
    long failing = r.failingCount();
    String line = plural(deps, "package") + " audited, " + plural(findings, "finding")
        + (malicious > 0 ? ", " + malicious + " malicious" : "")
        + ", " + failing + " at or above the failure threshold (" + r.failOn().jsonName() + ")";
    out.println(failing > 0 ? st.red(line) : st.green(line));
    if (!tool.databaseSource().isEmpty()) {
      out.println(st.dim("advisory data: " + tool.databaseSource()
          + (tool.databaseAge().isEmpty() ? "" : ", " + tool.databaseAge())));
    }
  }
}
