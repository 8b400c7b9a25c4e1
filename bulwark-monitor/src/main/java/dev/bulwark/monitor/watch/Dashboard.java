package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.report.HtmlText;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's pages, server-rendered: no script, no external asset, every value from a
 * project, a package or a verdict escaped with the HTML report's escaping ({@link HtmlText}).
 * Forms that change state carry the session's CSRF token.
 */
final class Dashboard {
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
      header{background:#1d232a;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center}
      header a{color:#fff;text-decoration:none}header h1{font-size:1.1em;margin:0 1em 0 0}
      main{padding:1em 1.2em;max-width:1200px}
      table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1.5em}
      th,td{border-bottom:1px solid #dde1e6;padding:.35em .6em;text-align:left;vertical-align:top}
      th{background:#eef0f3}
      .malicious{color:#fff;background:#b3261e;padding:0 .4em;border-radius:3px}
      .suspicious{color:#1d232a;background:#f5c542;padding:0 .4em;border-radius:3px}
      .vulnerable{color:#fff;background:#8250df;padding:0 .4em;border-radius:3px}
      code{font-family:ui-monospace,monospace;font-size:.95em;overflow-wrap:anywhere}
      details{background:#fff;border:1px solid #dde1e6;margin:.4em 0;padding:.4em .6em}
      form.inline{display:inline}button{cursor:pointer}
      .muted{color:#5b6470}
      """;

  private Dashboard() {}

  static String esc(String s) {
    return HtmlText.escape(s);
  }

  private static StringBuilder page(String title, String csrf) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\">")
        .append("<title>").append(esc(title)).append(" · Bulwark watch</title>")
        .append("<link rel=\"stylesheet\" href=\"/dashboard.css\"></head><body><header>")
        .append("<h1>Bulwark watch</h1><a href=\"/\">Verdicts</a><a href=\"/projects\">Projects</a>")
        .append("<a href=\"/alerts\">Alerts</a>");
    if (!csrf.isEmpty()) {
      b.append("<form class=\"inline\" method=\"post\" action=\"/logout\">")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf))
          .append("\"><button>Log out</button></form>");
    }
    b.append("</header><main>");
    return b;
  }

  private static String end(StringBuilder b) {
    return b.append("</main></body></html>\n").toString();
  }

  static String login(String message) {
    StringBuilder b = page("Log in", "");
    b.append("<h2>Log in</h2>");
    if (!message.isEmpty()) {
      b.append("<p><strong>").append(esc(message)).append("</strong></p>");
    }
    b.append("<form method=\"post\" action=\"/login\"><label>Token <input type=\"password\"")
        .append(" name=\"token\" autocomplete=\"off\" size=\"60\"></label> <button>Log in</button>")
        .append("</form><p class=\"muted\">The first start wrote an admin token to")
        .append(" <code>admin.token</code> in the state folder.</p>");
    return end(b);
  }

  static String verdicts(List<PackageVerdict> vs, Map<AlertState, Long> counts, String csrf) {
    StringBuilder b = page("Verdicts", csrf);
    b.append("<p>Alerts: <a href=\"/alerts?state=new\">").append(counts.getOrDefault(
        AlertState.NEW, 0L)).append(" new</a>, ").append(counts.getOrDefault(
        AlertState.ACKNOWLEDGED, 0L)).append(" acknowledged, ").append(counts.getOrDefault(
        AlertState.RESOLVED, 0L)).append(" resolved.</p>");
    b.append("<h2>Latest malicious and suspicious verdicts</h2>");
    if (vs.isEmpty()) {
      b.append("<p>None yet.</p>");
    }
    for (PackageVerdict v : vs) {
      b.append("<details open><summary><span class=\"").append(esc(v.verdict())).append("\">")
          .append(esc(v.verdict())).append("</span> <code>").append(esc(v.key().toString()))
          .append("</code> score ").append(v.score()).append(" <span class=\"muted\">judged ")
          .append(esc(v.judged().toString())).append("</span></summary>");
      if (!v.reason().isBlank()) {
        b.append("<p>").append(esc(v.reason())).append("</p>");
      }
      b.append("<table><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Evidence</th></tr>");
      for (VerdictFinding f : v.evidence()) {
        b.append("<tr><td>").append(esc(f.severity())).append("</td><td><code>")
            .append(esc(f.ruleId())).append("</code></td><td><code>").append(esc(f.file()))
            .append(f.line() > 0 ? ":" + f.line() : "").append("</code></td><td>")
            .append(esc(f.message())).append("</td></tr>");
      }
      b.append("</table></details>");
    }
    return end(b);
  }

  static String projects(List<Project> ps, String csrf) {
    StringBuilder b = page("Projects", csrf);
    b.append("<h2>Projects (").append(ps.size()).append(")</h2><table><tr><th>Project</th>")
        .append("<th>File</th><th>Packages</th><th>Open alerts</th><th>Uploaded</th></tr>");
    for (Project p : ps) {
      b.append("<tr><td>").append(esc(p.name())).append("</td><td><code>").append(esc(p.file()))
          .append("</code></td><td>").append(p.dependencies()).append("</td><td>")
          .append(p.openAlerts() > 0 ? "<strong>" + p.openAlerts() + "</strong>" : "0")
          .append("</td><td>").append(esc(p.uploaded().toString())).append("</td></tr>");
    }
    return end(b.append("</table>"));
  }

  static String alerts(List<Alert> as, String csrf, boolean canChange) {
    StringBuilder b = page("Alerts", csrf);
    b.append("<h2>Alerts (").append(as.size()).append(")</h2><table><tr><th>#</th>")
        .append("<th>Project</th><th>Package</th><th>Verdict</th><th>Cause</th><th>State</th>")
        .append("<th>Raised</th></tr>");
    for (Alert a : as) {
      b.append("<tr><td>").append(a.id()).append("</td><td>").append(esc(a.project()))
          .append("</td><td><code>").append(esc(a.key().toString())).append("</code><br><span")
          .append(" class=\"muted\">").append(esc(a.summary())).append("</span></td><td><span")
          .append(" class=\"").append(esc(a.verdict())).append("\">").append(esc(a.verdict()))
          .append("</span></td><td><code>").append(esc(a.cause())).append("</code></td><td>")
          .append(esc(a.state().jsonName()));
      if (canChange && a.state() == AlertState.NEW && !csrf.isEmpty()) {
        b.append(" <form class=\"inline\" method=\"post\" action=\"/alerts/").append(a.id())
            .append("/ack\"><input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf))
            .append("\"><button>Acknowledge</button></form>");
      }
      b.append("</td><td>").append(esc(a.raised().toString())).append("</td></tr>");
    }
    return end(b.append("</table>"));
  }

  static String error(int status, String message) {
    StringBuilder b = page("Error " + status, "");
    b.append("<h2>").append(status).append("</h2><p>").append(esc(message)).append("</p>");
    return end(b);
  }
}
