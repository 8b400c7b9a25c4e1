package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.TargetResult;
import java.util.ArrayList;
import java.util.List;

/** The headline facts every document report starts with. */
record Summary(String command, String headline, String level, List<Row> rows) {
  /** One target line: its path, its verdict label and how many issues it has. */
  record Row(String target, String kind, String verdict, int issues) {}

  static Summary of(ReportData data) {
    if (data instanceof ReportData.Sweep w) {
      return SweepIssues.summary(w.report());
    }
    List<Row> rows = new ArrayList<>();
    if (data instanceof ReportData.Audit a) {
      AuditReport r = a.report();
      int deps = 0;
      for (AuditReport.Target t : r.targets()) {
        deps += t.dependencies().size();
        rows.add(new Row(t.path(), "audit", t.findings().isEmpty() ? "no known issue"
            : t.findings().size() + " advisories", t.findings().size()));
      }
      long failing = r.failingCount();
      String head = failing > 0
          ? failing + " finding(s) fail the policy in " + deps + " dependencies"
          : "No finding fails the policy in " + deps + " dependencies";
      return new Summary("audit", head, failing > 0 ? "bad" : "ok", rows);
    }
    ReportData.Scan s = (ReportData.Scan) data;
    Verdict worst = Verdict.CLEAN;
    for (TargetResult t : s.targets()) {
      Verdict v = t.scan().verdict();
      worst = v.compareTo(worst) < 0 ? v : worst;
      int issues = Issues.ofTarget(t, RuleText.Source.none()).size();
      String label = t instanceof TargetResult.Project ? ConsoleProjectRenderer.banner(v)
          : v.jsonName();
      rows.add(new Row(t.scan().target(), t.scan().kind(), label, issues));
    }
    String head = switch (worst) {
      case MALICIOUS -> "DO NOT RUN: malicious code found";
      case SUSPICIOUS -> "REVIEW FIRST: suspicious code found";
      case CLEAN -> "No known risk found";
    };
    String level = switch (worst) {
      case MALICIOUS -> "bad";
      case SUSPICIOUS -> "warn";
      case CLEAN -> "ok";
    };
    return new Summary("scan", head, level, rows);
  }
}
