package dev.bulwark.report;

import dev.bulwark.model.Severity;
import dev.bulwark.project.ProjectResult;
import dev.bulwark.project.Trigger;
import dev.bulwark.scan.TargetResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Renders a compact Markdown summary for pull-request comments and job summaries. The output
 * stays under GitHub's comment limit (65,536 characters); findings that do not fit are counted
 * in a note instead.
 */
public final class MarkdownRenderer {
  /** GitHub's limit on a comment body. */
  public static final int GITHUB_LIMIT = 65_536;
  private static final int BUDGET = GITHUB_LIMIT - 2_000;

  private MarkdownRenderer() {}

  public static void render(ReportData data, Writer out) throws IOException {
    out.write(render(data, BUDGET));
    out.flush();
  }

  static String render(ReportData data, int budget) {
    Summary sum = Summary.of(data);
    List<Issue> issues = Issues.worstFirst(Issues.of(data));
    StringBuilder b = new StringBuilder();
    b.append("## Bulwark ").append(sum.command()).append(": ")
        .append(Safe.markdown(sum.headline())).append("\n\n");
    boolean sweep = data instanceof ReportData.Sweep;
    b.append(sweep ? "| Area | Looked at | Result | Items |\n"
        : "| Target | Kind | Result | Issues |\n").append("|---|---|---|---:|\n");
    for (Summary.Row r : sum.rows()) {
      b.append("| ").append(sweep ? Safe.markdown(r.target())
          : Safe.codeCell(Safe.cut(r.target(), 120))).append(" | ")
          .append(r.kind()).append(" | **").append(Safe.markdown(r.verdict())).append("** | ")
          .append(r.issues()).append(" |\n");
    }
    b.append('\n').append(sweep && issues.isEmpty() ? "No known indicators." : counts(issues))
        .append("\n\n");
    if (data instanceof ReportData.Sweep w) {
      MarkdownSweep.checklist(b, w.report());
      MarkdownSweep.exposures(b, w.report());
    }
    if (data instanceof ReportData.Scan s) {
      for (TargetResult t : s.targets()) {
        if (t instanceof TargetResult.Project p) {
          surface(b, p.project());
        }
      }
    }
    if (!issues.isEmpty()) {
      b.append("<details><summary>").append(sweep ? "Evidence" : "Findings").append(" (")
          .append(issues.size()).append(")</summary>\n\n");
      b.append("| Severity | Rule | Location | What was found |\n|---|---|---|---|\n");
      String footer = "\n</details>\n";
      int shown = 0;
      for (Issue i : issues) {
        String row = row(i);
        if (b.length() + row.length() + footer.length() + 400 > budget) {
          break;
        }
        b.append(row);
        shown++;
      }
      if (shown < issues.size()) {
        b.append("\n_").append(issues.size() - shown).append(" more finding(s) not shown to stay ")
            .append("under the comment size limit; see the SARIF, HTML or JSON report._\n");
      }
      b.append(footer).append('\n');
    }
    b.append("<sub>Bulwark ").append(Safe.markdown(data.tool().version()));
    if (!data.tool().databaseSource().isEmpty()) {
      b.append(" · advisory data: ").append(Safe.markdown(data.tool().databaseAge()));
    }
    b.append(" · exit code ").append(data.exitCode()).append("</sub>\n");
    return b.toString();
  }

  /** What would run in a project, one line per trigger, automatic ones marked. */
  private static void surface(StringBuilder b, ProjectResult p) {
    if (p.surface().triggers().isEmpty()) {
      return;
    }
    b.append("**What would run in ").append(Safe.codeSpan(Safe.cut(p.scan().target(), 120)))
        .append("**\n\n");
    int shown = 0;
    for (Trigger t : p.surface().triggers()) {
      if (shown++ == 20) {
        b.append("- … and ").append(p.surface().triggers().size() - 20).append(" more\n");
        break;
      }
      b.append("- ").append(t.kind().automatic() ? "**automatic** · " : "")
          .append(Safe.markdown(t.kind().description())).append(": ")
          .append(Safe.codeSpan(Safe.cut(t.command(), 160))).append(" (")
          .append(Safe.codeSpan(t.location().toString())).append(")\n");
    }
    b.append('\n');
  }

  private static String row(Issue i) {
    String loc = i.location().line() > 0 ? i.uri() + ":" + i.location().line() : i.uri();
    return "| " + i.severity().jsonName() + (i.fails() ? " ⛔" : "") + " | "
        + Safe.codeCell(i.ruleId()) + " | " + Safe.codeCell(Safe.cut(loc, 160)) + " | "
        + Safe.markdown(Safe.cut(i.message().isEmpty() ? i.title() : i.message(), 300))
        + " |\n";
  }

  private static String counts(List<Issue> issues) {
    if (issues.isEmpty()) {
      return "No findings.";
    }
    StringBuilder b = new StringBuilder("**").append(issues.size()).append(" finding(s)**: ");
    boolean first = true;
    for (Severity s : Severity.values()) {
      int n = Issues.count(issues, s);
      if (n > 0) {
        b.append(first ? "" : ", ").append(n).append(' ').append(s.jsonName());
        first = false;
      }
    }
    long failing = issues.stream().filter(Issue::fails).count();
    if (failing > 0) {
      b.append(" — ").append(failing).append(" fail the run (⛔)");
    }
    return b.append('.').toString();
  }
}
