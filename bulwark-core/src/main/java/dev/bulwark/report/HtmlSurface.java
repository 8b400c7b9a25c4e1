package dev.bulwark.report;

import dev.bulwark.project.ProjectResult;
import dev.bulwark.project.Trigger;
import java.util.List;

/** The execution-surface map of a project: what would run, when, and what it loads. */
final class HtmlSurface {
  private HtmlSurface() {}

  static void render(StringBuilder b, ProjectResult p) {
    b.append("<section class=\"surface\"><h2>What would run: <code>")
        .append(Safe.html(p.scan().target())).append("</code></h2>\n");
    String banner = ConsoleProjectRenderer.banner(p.scan().verdict());
    String reason = p.scan().reason();
    b.append("<p><strong>").append(Safe.html(banner)).append("</strong>");
    if (!reason.isEmpty()) {
      b.append(" — ").append(Safe.html(reason.startsWith(banner + ": ")
          ? reason.substring(banner.length() + 2) : reason));
    }
    b.append("</p>\n");
    list(b, "ol", p.story());
    if (p.surface().triggers().isEmpty()) {
      b.append("<p>Nothing in this project runs automatically.</p>\n");
    } else {
      b.append("<table><thead><tr><th>When</th><th>What</th><th>Command</th><th>Where</th>")
          .append("<th>Runs</th></tr></thead><tbody>\n");
      for (Trigger t : p.surface().triggers()) {
        b.append("<tr><td>").append(Safe.html(t.kind().description()));
        if (t.kind().automatic()) {
          b.append(" <span class=\"auto\">(automatic)</span>");
        }
        b.append("</td><td>").append(Safe.html(t.name())).append("</td><td><code>")
            .append(Safe.html(Safe.cut(t.command(), 500))).append("</code></td><td><code>")
            .append(Safe.html(t.location().toString())).append("</code></td><td>");
        for (String r : t.runs()) {
          b.append("<code>").append(Safe.html(r)).append("</code><br>");
        }
        b.append("</td></tr>\n");
      }
      b.append("</tbody></table>\n");
    }
    if (!p.surface().notes().isEmpty()) {
      b.append("<p>Notes:</p>");
      list(b, "ul", p.surface().notes());
    }
    if (!p.nextSteps().isEmpty()) {
      b.append("<h3>What to do now</h3>");
      list(b, "ol", p.nextSteps());
    }
    b.append("<p>").append(p.dependencyCount()).append(" dependencies listed; ")
        .append(p.dependencyFindings().size()).append(" with known advisories.</p></section>\n");
  }

  private static void list(StringBuilder b, String tag, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    b.append('<').append(tag).append('>');
    for (String s : items) {
      b.append("<li>").append(Safe.htmlWithCode(s)).append("</li>"); // prose with `code spans`
    }
    b.append("</").append(tag).append(">\n");
  }
}
