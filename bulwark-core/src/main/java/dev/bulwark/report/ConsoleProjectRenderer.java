package dev.bulwark.report;

import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Verdict;
import dev.bulwark.project.ProjectResult;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Renders a project triage for people: verdict, what would happen, evidence, next steps. */
public final class ConsoleProjectRenderer {
  private static final int MAX_EVIDENCE = 30;

  private ConsoleProjectRenderer() {}

  public static String banner(Verdict v) {
    return switch (v) {
      case MALICIOUS -> "DO NOT RUN";
      case SUSPICIOUS -> "REVIEW FIRST";
      case CLEAN -> "NO KNOWN RISK FOUND";
    };
  }

  public static void render(ProjectResult p, RuleText.Source rules, Style st,
      ConsoleScanRenderer.Options opt, PrintWriter out) {
    var r = p.scan();
    String b = banner(r.verdict());
    b = switch (r.verdict()) {
      case MALICIOUS -> st.red(b);
      case SUSPICIOUS -> st.yellow(b);
      case CLEAN -> st.green(b);
    };
    out.println(b + "  " + st.bold(Style.safe(r.target(), 200))
        + st.dim("  (project, read from " + p.origin() + "; score " + r.score() + "/100)"));
    out.println("  " + Style.safe(r.reason(), 600));
    out.println();
    out.println(st.bold("What would happen"));
    for (String s : p.story()) {
      out.println("  • " + Style.safe(s, 900));
    }
    if (!p.surface().notes().isEmpty()) {
      for (String n : p.surface().notes()) {
        out.println("  " + st.dim("note: ") + Style.safe(n, 400));
      }
    }
    out.println();
    evidence(r.findings(), rules, st, opt, out);
    dependencies(p, st, out);
    out.println(st.bold("What to do now"));
    int i = 1;
    for (String s : p.nextSteps()) {
      out.println("  " + (i++) + ". " + s);
    }
    if (!opt.quiet()) {
      for (var s : r.skipped()) {
        out.println(st.dim("  skipped " + Style.safe(s.path(), 200) + ": " + Style.safe(s.reason(), 200)));
      }
    }
    for (var e : r.errors()) {
      out.println(st.yellow("  error: ") + Style.safe(e.location().toString(), 200) + ": "
          + Style.safe(e.message(), 300));
    }
    out.println();
    out.flush();
  }

  private static void evidence(List<Finding> findings, RuleText.Source rules, Style st,
      ConsoleScanRenderer.Options opt, PrintWriter out) {
    List<Finding> shown = findings.stream().filter(f -> f.threat() || !opt.quiet()).toList();
    if (shown.isEmpty()) {
      return;
    }
    out.println(st.bold("Evidence") + st.dim(" (" + shown.size() + " findings, most severe first)"));
    Set<String> explained = new HashSet<>();
    int n = 0;
    for (Finding f : shown) {
      if (n++ >= MAX_EVIDENCE) {
        out.println(st.dim("  … " + (shown.size() - MAX_EVIDENCE)
            + " more; use --format json to see them all"));
        break;
      }
      String sev = f.severity().name();
      out.println("  " + (f.threat() ? st.red(sev) : sev) + " " + st.bold(f.ruleId())
          + st.dim(" [" + f.category().jsonName() + (f.threat() ? "" : ", capability") + "]  ")
          + Style.safe(f.location().toString(), 200));
      out.println("    " + Style.safe(f.message(), 500));
      if (!f.snippet().isEmpty()) {
        out.println("    " + st.dim("code:    ") + Style.safe(f.snippet(), 200));
      }
      if (!f.decoded().isEmpty()) {
        out.println("    " + st.dim("decoded: ") + Style.safe(f.decoded(), 300));
      }
      var text = rules.find(f.ruleId());
      if (opt.explain() && text.isPresent() && explained.add(f.ruleId())) {
        out.println("    " + st.dim("what:    ") + Style.safe(text.get().what(), 600));
        out.println("    " + st.dim("why:     ") + Style.safe(text.get().why(), 600));
        out.println("    " + st.dim("do now:  ") + Style.safe(text.get().action(), 600));
      }
    }
    out.println();
  }

  private static void dependencies(ProjectResult p, Style st, PrintWriter out) {
    List<AuditFinding> deps = p.dependencyFindings();
    long mal = deps.stream().filter(f -> f.kind() == AdvisoryKind.MALICIOUS).count();
    out.println(st.bold("Dependencies") + st.dim(" (" + p.dependencyCount() + " listed in lockfiles and manifests)"));
    if (deps.isEmpty()) {
      out.println("  no known-vulnerable or known-malicious dependency in the local advisory data");
    } else {
      out.println("  " + deps.size() + " advisories" + (mal > 0 ? st.red(", " + mal + " MALICIOUS") : "")
          + "; run `bulwark audit` on the project for the full list");
      deps.stream().limit(8).forEach(f -> out.println("    " + f.id() + " "
          + Style.safe(f.dependency().display(), 120) + " [" + (f.kind() == AdvisoryKind.MALICIOUS
              ? "malicious" : f.severity().jsonName()) + "]"));
    }
    out.println();
  }
}
