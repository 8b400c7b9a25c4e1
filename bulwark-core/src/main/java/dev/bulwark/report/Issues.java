package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.policy.FailOn;
import dev.bulwark.scan.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Flattens audit, scan and sweep results into {@link Issue}s, in the results' own order. */
final class Issues {
  private static final List<String> ARCHIVE_ENDINGS = List.of(".tgz", ".tar.gz", ".tar", ".zip",
      ".whl", ".egg", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".jar");

  private Issues() {}

  static List<Issue> of(ReportData data) {
    List<Issue> out = new ArrayList<>();
    if (data instanceof ReportData.Audit a) {
      FailOn failOn = a.report().failOn();
      for (AuditReport.Target t : a.report().targets()) {
        for (AuditFinding f : t.findings()) {
          out.add(advisory(t.path(), f, failOn.fails(f)));
        }
      }
    } else if (data instanceof ReportData.Scan s) {
      for (TargetResult t : s.targets()) {
        out.addAll(ofTarget(t, s.rules()));
      }
    } else if (data instanceof ReportData.Sweep w) {
      out.addAll(SweepIssues.of(w.report()));
    }
    return out;
  }

  static List<Issue> ofTarget(TargetResult t, RuleText.Source rules) {
    List<Issue> out = new ArrayList<>();
    ScanResult r = t.scan();
    for (Finding f : r.findings()) {
      out.add(finding(r, f, rules.find(f.ruleId()), t.scan().verdict()));
    }
    if (t instanceof TargetResult.Project p) {
      for (AuditFinding f : p.project().dependencyFindings()) {
        out.add(advisory(r.target(), f, f.kind() == AdvisoryKind.MALICIOUS));
      }
    }
    return out;
  }

  private static Issue finding(ScanResult r, Finding f, Optional<RuleText> text,
      Verdict verdict) {
    String title = text.map(RuleText::title).orElse(f.ruleId());
    boolean fails = f.threat() && verdict == Verdict.MALICIOUS;
    return new Issue(r.target(), f.ruleId(), title, f.severity(), f.category().jsonName(),
        f.threat(), f.location(), uri(r.target(), f.location().file()), f.snippet(), f.decoded(),
        f.message(), text.map(RuleText::what).orElse(""), text.map(RuleText::why).orElse(""),
        text.map(RuleText::action).orElse(""), text.map(RuleText::references).orElse(List.of()),
        fails);
  }

  static Issue advisory(String target, AuditFinding f, boolean fails) {
    var d = f.dependency();
    boolean malicious = f.kind() == AdvisoryKind.MALICIOUS;
    String message = malicious
        ? d.display() + " is a known malicious package (" + f.id() + ")."
        : d.display() + " is affected by " + f.id() + ": " + f.summary()
            + (f.fixedVersions().isEmpty() ? " No fixed version is known."
                : " Fixed in " + String.join(", ", f.fixedVersions()) + ".");
    String action = malicious
        ? "Remove the package. If it was ever installed, treat the machine as compromised: "
            + "rotate credentials that were on it and rebuild from a clean image."
        : f.fixedVersions().isEmpty()
            ? "Replace or remove the package, or record a time-limited ignore with a reason."
            : "Upgrade " + d.name() + " to " + f.fixedVersions().get(0) + " or later.";
    String why = malicious
        ? "Known malicious packages run attacker code on install or import."
        : "A known vulnerability in a dependency can be exploited through your application.";
    String via = d.path().isEmpty() ? "" : " Introduced via " + String.join(" → ", d.path()) + ".";
    return new Issue(target, f.id(), f.summary(), f.severity(),
        malicious ? "malicious-package" : "vulnerable-dependency", malicious,
        d.location(), uri(target, d.location().file()), d.purl(), "", message,
        f.summary() + via, why, action, f.references(), fails);
  }

  /** Joins a target path and a location file into one artifact address. */
  static String uri(String target, String file) {
    String f = file;
    for (String cut : List.of("#", "!decoded")) {
      int at = f.indexOf(cut);
      if (at >= 0) {
        f = f.substring(0, at);
      }
    }
    String t = target.replace('\\', '/');
    if (f.isEmpty()) {
      return t;
    }
    if (t.isEmpty() || t.equals(".") || f.equals(t) || f.startsWith(t + "!/")) {
      return f;
    }
    if (t.endsWith("/" + f)) {
      return t;
    }
    if (isArchive(t)) {
      return t + "!/" + f;
    }
    return t.endsWith("/") ? t + f : t + "/" + f;
  }

  static boolean isArchive(String path) {
    String l = path.toLowerCase(Locale.ROOT);
    return ARCHIVE_ENDINGS.stream().anyMatch(l::endsWith);
  }

  /** Sorts issues worst first, keeping their relative order otherwise. */
  static List<Issue> worstFirst(List<Issue> issues) {
    List<Issue> s = new ArrayList<>(issues);
    s.sort((a, b) -> a.severity().compareTo(b.severity()));
    return s;
  }

  static int count(List<Issue> issues, Severity s) {
    return (int) issues.stream().filter(i -> i.severity() == s).count();
  }
}
