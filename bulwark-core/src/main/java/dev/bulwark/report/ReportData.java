package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.scan.TargetResult;
import dev.bulwark.sweep.SweepReport;
import java.util.List;
import java.util.Objects;

/** What one command produced, as every report format consumes it. */
public sealed interface ReportData {
  ToolInfo tool();

  int exitCode();

  /** The result of {@code bulwark audit}. */
  record Audit(AuditReport report, ToolInfo tool, int exitCode) implements ReportData {
    public Audit {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(tool, "tool");
    }
  }

  /** The result of {@code bulwark scan}: packages and projects. */
  record Scan(List<TargetResult> targets, ToolInfo tool, RuleText.Source rules, int exitCode)
      implements ReportData {
    public Scan {
      targets = List.copyOf(targets);
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(rules, "rules");
    }
  }

  /** The result of {@code bulwark sweep}: indicators of compromise, exposed secrets, checklist. */
  record Sweep(SweepReport report, ToolInfo tool, int exitCode) implements ReportData {
    public Sweep {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(tool, "tool");
    }
  }
}
