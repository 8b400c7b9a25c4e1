package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Severity;
import dev.bulwark.policy.IgnoreRule;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders an audit for people in a terminal. Pure: result in, text out. */
public final class ConsoleAuditRenderer {
  private ConsoleAuditRenderer() {}

  public static void render(AuditReport r, ToolInfo tool, Style st, boolean quiet, PrintWriter out) {
    for (AuditReport.Target t : r.targets()) {
      if (!quiet) {
        out.println(st.bold("Audit of " + Style.safe(t.path(), 200)));
        for (var i : t.inventories()) {
          out.println(st.dim("  read " + Style.safe(i.file(), 200) + " (" + i.format() + ", "
              + i.dependencies().size() + " packages)"));
        }
        if (t.inventories().isEmpty() && t.problems().isEmpty()) {
          out.println("  no lockfile or manifest found");
        }
        out.println();
      }
      for (AuditFinding f : t.findings()) {
        if (quiet && !r.failOn().fails(f)) {
          continue;
        }
        finding(f, st, out);
      }
      for (Problem p : t.problems()) {
        out.println(st.yellow("error: ") + Style.safe(p.location().toString(), 300) + ": "
            + Style.safe(p.message(), 500));
      }
      if (!quiet && !t.ignored().isEmpty()) {
        out.println(st.dim(t.ignored().size() + " finding(s) ignored by policy:"));
        for (AuditReport.Ignored ig : t.ignored()) {
          out.println(st.dim("  " + ig.finding().id() + " in " + ig.finding().dependency().display()
              + " until " + ig.rule().expires() + ": " + Style.safe(ig.rule().reason(), 200)));
        }
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

  private static void finding(AuditFinding f, Style st, PrintWriter out) {
    Dependency d = f.dependency();
    String sev = f.kind() == AdvisoryKind.MALICIOUS
        ? st.red("MALICIOUS")
        : color(st, f.severity(), f.severity().name());
    String score = f.cvssScore().isPresent()
        ? String.format(Locale.ROOT, " (CVSS %.1f)", f.cvssScore().getAsDouble()) : "";
    out.println(sev + score + "  " + st.bold(Style.safe(d.display(), 200)) + "  " + f.id()
        + (f.aliases().isEmpty() ? "" : st.dim(" (" + String.join(", ", f.aliases()) + ")")));
    out.println("    " + Style.safe(f.summary(), 300));
    out.println("    at " + Style.safe(d.location().toString(), 300)
        + (d.direct() ? ", direct" : ", transitive") + (d.dev() ? ", dev" : ""));
    if (d.path().size() > 1) {
      out.println("    via " + Style.safe(String.join(" > ", d.path()), 400));
    }
    if (f.unpinned() || d.unpinned()) {
      out.println("    " + st.yellow("unpinned:") + " the range allows affected versions; pin a fixed one");
    }
    if (f.kind() == AdvisoryKind.MALICIOUS) {
      out.println("    " + st.red("This package is known to be malicious.")
          + " Remove it, and if it was ever installed, treat the machine as compromised:"
          + " run `bulwark sweep` and rotate credentials.");
    } else if (!f.fixedVersions().isEmpty()) {
      out.println("    fix: upgrade to " + String.join(" or ", f.fixedVersions()));
    } else {
      out.println("    fix: no fixed version is known; consider replacing the package");
    }
    out.println();
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
    String line = deps + " packages audited, " + findings + " finding(s)"
        + (malicious > 0 ? ", " + malicious + " malicious" : "")
        + ", " + failing + " at or above the failure threshold (" + r.failOn().jsonName() + ")";
    out.println(failing > 0 ? st.red(line) : st.green(line));
    if (!tool.databaseSource().isEmpty()) {
      out.println(st.dim("advisory data: " + tool.databaseSource()
          + (tool.databaseAge().isEmpty() ? "" : ", " + tool.databaseAge())));
    }
  }
}
