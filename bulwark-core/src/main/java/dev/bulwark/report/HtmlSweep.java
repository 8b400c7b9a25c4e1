package dev.bulwark.report;

import dev.bulwark.sweep.Exposure;
import dev.bulwark.sweep.SweepReport;
import java.util.List;

/**
 * The sweep-only parts of the HTML report: the numbered checklist, the secrets present on the
 * machine (paths only) and what was looked at. Every path and note comes from the swept disk and
 * is escaped.
 */
final class HtmlSweep {
  private HtmlSweep() {}

  /** The checklist: numbered steps; "  "-indented steps are sub-items of the step before. */
  static void checklist(StringBuilder b, SweepReport r) {
    b.append("<section id=\"checklist\"><h2>What to do</h2>\n<ol>");
    boolean open = false;
    boolean inSub = false;
    for (String s : r.remediation()) {
      if (s.startsWith("  ")) {
        if (!inSub) {
          b.append("<ul>");
          inSub = true;
        }
        b.append("<li>").append(Safe.htmlWithCode(s.strip())).append("</li>");
        continue;
      }
      if (inSub) {
        b.append("</ul>");
        inSub = false;
      }
      if (open) {
        b.append("</li>\n");
      }
      b.append("<li>").append(Safe.htmlWithCode(s));
      open = true;
    }
    if (inSub) {
      b.append("</ul>");
    }
    if (open) {
      b.append("</li>\n");
    }
    b.append("</ol></section>\n");
  }

  static void exposures(StringBuilder b, SweepReport r) {
    List<Exposure> all = r.exposures();
    b.append("<section id=\"exposures\"><h2>Secrets on this machine (").append(all.size())
        .append(")</h2>\n");
    if (all.isEmpty()) {
      b.append("<p>No known secret stores were found.</p></section>\n");
      return;
    }
    b.append("<p>They may have been stolen. Only their paths are shown; no value was read into")
        .append(" this report.</p>\n<table><thead><tr><th>Rotate</th><th>Secret</th>")
        .append("<th>What</th><th>Path</th><th>How to rotate</th></tr></thead><tbody>\n");
    for (Exposure e : all) {
      b.append("<tr><td>").append(e.priority()).append("</td><td>")
          .append(Safe.html(e.secretClass())).append("</td><td>").append(Safe.html(e.what()))
          .append("</td><td><code>").append(Safe.html(e.path())).append("</code></td><td>")
          .append(Safe.html(e.rotate())).append("</td></tr>\n");
    }
    b.append("</tbody></table></section>\n");
  }

  static void scope(StringBuilder b, SweepReport r) {
    b.append("<section id=\"scope\"><h2>What was looked at</h2>\n<p>Home <code>")
        .append(Safe.html(r.home())).append("</code>, root <code>").append(Safe.html(r.root()))
        .append("</code>. ").append(Safe.html(ConsoleSweepRenderer.stats(r.stats())));
    if (r.stats().incomplete()) {
      b.append(" <strong>The sweep did not finish: some places were not looked at.</strong>");
    }
    b.append("</p>\n");
    if (!r.notes().isEmpty()) {
      b.append("<ul>");
      for (String n : r.notes()) {
        b.append("<li>").append(Safe.html(n)).append("</li>");
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
  }
}
