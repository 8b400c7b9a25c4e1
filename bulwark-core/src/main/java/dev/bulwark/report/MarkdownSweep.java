package dev.bulwark.report;

import dev.bulwark.sweep.Exposure;
import dev.bulwark.sweep.SweepReport;

/** The sweep-only parts of the Markdown report: the checklist and the secrets (paths only). */
final class MarkdownSweep {
  /** Enough rows to act on while leaving room under the comment limit for the evidence. */
  static final int MAX_EXPOSURES = 60;

  private MarkdownSweep() {}

  static void checklist(StringBuilder b, SweepReport r) {
    b.append("**What to do**\n\n");
    int n = 0;
    for (String s : r.remediation()) {
      if (s.startsWith("  ")) {
        b.append("   - ").append(Safe.markdown(s.strip())).append('\n');
      } else {
        b.append(++n).append(". ").append(Safe.markdown(s)).append('\n');
      }
    }
    b.append('\n');
  }

  static void exposures(StringBuilder b, SweepReport r) {
    if (r.exposures().isEmpty()) {
      return;
    }
    b.append("**Secrets on this machine** (they may have been stolen; only paths are shown)\n\n")
        .append("| Rotate | Secret | Path |\n|---:|---|---|\n");
    int shown = 0;
    for (Exposure e : r.exposures()) {
      if (shown++ == MAX_EXPOSURES) {
        b.append("\n_").append(r.exposures().size() - MAX_EXPOSURES)
            .append(" more not shown; see the JSON or HTML report._\n");
        break;
      }
      b.append("| ").append(e.priority()).append(" | ").append(Safe.markdown(e.secretClass()))
          .append(" | ").append(Safe.codeCell(Safe.cut(e.path(), 200))).append(" |\n");
    }
    b.append('\n');
  }
}
