package dev.bulwark.report;

import dev.bulwark.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The findings part of the HTML report: by severity, then by category. */
final class HtmlFindings {
  /** More findings than this make a page nobody reads; the rest are counted, not shown. */
  static final int MAX_SHOWN = 2_000;

  /** The words around findings: code findings for audit and scan, evidence for a sweep. */
  record Labels(String heading, String none, String what, String why, String action) {}

  static final Labels FINDINGS = new Labels("Findings", "No findings.", "What this code does",
      "Why attackers do this", "What to do now");
  static final Labels EVIDENCE = new Labels("Evidence", "No known indicators were found.",
      "What this is", "Why it matters", "What to do now");

  private HtmlFindings() {}

  static void render(StringBuilder b, List<Issue> all) {
    render(b, all, FINDINGS);
  }

  static void render(StringBuilder b, List<Issue> all, Labels labels) {
    b.append("<section id=\"findings\"><h2>").append(labels.heading()).append(" (")
        .append(all.size()).append(")</h2>\n");
    if (all.isEmpty()) {
      b.append("<p>").append(labels.none()).append("</p>\n");
    }
    List<Issue> issues = all.size() > MAX_SHOWN ? all.subList(0, MAX_SHOWN) : all;
    if (issues.size() < all.size()) {
      b.append("<p><strong>Showing the ").append(MAX_SHOWN).append(" most severe of ")
          .append(all.size()).append(" findings; the JSON and SARIF reports list all.</strong></p>\n");
    }
    for (Severity s : Severity.values()) {
      List<Issue> of = issues.stream().filter(i -> i.severity() == s).toList();
      if (of.isEmpty()) {
        continue;
      }
      b.append("<section class=\"f-").append(s.jsonName()).append("\"><h3>")
          .append(capitalise(s.jsonName())).append(" (").append(of.size()).append(")</h3>\n");
      Map<String, List<Issue>> byCategory = new TreeMap<>();
      for (Issue i : of) {
        byCategory.computeIfAbsent(i.category(), k -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, List<Issue>> e : byCategory.entrySet()) {
        b.append("<h4>").append(Safe.html(e.getKey())).append("</h4>\n");
        for (Issue i : e.getValue()) {
          finding(b, i, labels);
        }
      }
      b.append("</section>\n");
    }
    b.append("</section>\n");
  }

  private static void finding(StringBuilder b, Issue i, Labels labels) {
    String sev = i.severity().jsonName();
    b.append("<details class=\"finding f-").append(sev).append(i.threat() ? "" : " f-capability")
        .append('"').append(i.severity().atLeast(Severity.HIGH) ? " open" : "").append(">\n")
        .append("<summary><span class=\"badge ").append(sev).append("\">").append(sev)
        .append("</span>").append(Safe.html(i.title())).append(" <span class=\"tag\">")
        .append(Safe.html(i.ruleId())).append(i.threat() || i.category().equals("vulnerable-dependency")
            ? "" : " · capability")
        .append(i.fails() ? " · fails the run" : "").append("</span></summary>\n");
    b.append("<p><code>").append(Safe.html(i.uri()));
    if (i.location().line() > 0) {
      b.append(':').append(i.location().line());
    }
    b.append("</code> — ").append(Safe.html(i.message())).append("</p>\n");
    if (!i.snippet().isEmpty()) {
      b.append("<pre class=\"code\"><span class=\"ln\">")
          .append(i.location().line() > 0 ? String.valueOf(i.location().line()) : "")
          .append("</span><mark>").append(Safe.html(i.snippet())).append("</mark></pre>\n");
    }
    if (!i.decoded().isEmpty()) {
      b.append("<p>Decoded payload:</p><pre class=\"decoded\">")
          .append(Safe.html(Safe.cut(i.decoded(), 4_000))).append("</pre>\n");
    }
    b.append("<dl>");
    term(b, labels.what(), i.what());
    term(b, labels.why(), i.why());
    term(b, labels.action(), i.action());
    b.append("</dl>\n");
    references(b, i.references());
    b.append("</details>\n");
  }

  private static void term(StringBuilder b, String label, String text) {
    if (!text.isEmpty()) {
      // Explanations are Markdown-ish prose: their `code spans` render as code, escaped.
      b.append("<dt>").append(label).append("</dt><dd>").append(Safe.htmlWithCode(text)).append("</dd>");
    }
  }

  /** Only http and https references become links; anything else is shown as text. */
  private static void references(StringBuilder b, List<String> refs) {
    if (refs.isEmpty()) {
      return;
    }
    b.append("<p>References:</p><ul>");
    for (String r : refs) {
      b.append("<li>");
      if (Issue.isWebLink(r) && r.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'')) {
        b.append("<a href=\"").append(Safe.html(r)).append("\" rel=\"noopener noreferrer\">")
            .append(Safe.html(r)).append("</a>");
      } else {
        b.append(Safe.html(r));
      }
      b.append("</li>");
    }
    b.append("</ul>\n");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
