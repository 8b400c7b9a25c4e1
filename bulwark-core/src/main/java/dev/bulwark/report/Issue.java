package dev.bulwark.report;

import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One reportable problem, the same shape whether it came from code analysis or from an
 * advisory: what SARIF, HTML and Markdown reports list.
 *
 * @param target the scanned or audited path, as given
 * @param ruleId the rule or advisory id
 * @param title a short title of the rule or advisory
 * @param severity its severity
 * @param category a kebab-case category ("code-execution", "malicious-package", …)
 * @param threat true for a threat, false for a capability or a vulnerability
 * @param location the location inside the target
 * @param uri the artifact address: target joined with the file, {@code a.tgz!/p/x.js} in archives
 * @param snippet the matched code ("" for advisories)
 * @param decoded the decoded payload, or ""
 * @param message one sentence about this occurrence
 * @param what what the code does (or what the advisory says)
 * @param why why attackers do it (or why it matters)
 * @param action what to do now
 * @param references ATT&amp;CK ids and URLs
 * @param fails true when this issue fails the run
 */
record Issue(String target, String ruleId, String title, Severity severity, String category,
    boolean threat, SourceLocation location, String uri, String snippet, String decoded,
    String message, String what, String why, String action, List<String> references,
    boolean fails) {
  Issue {
    Objects.requireNonNull(uri, "uri");
    target = Safe.text(target);
    title = Safe.text(title);
    uri = Safe.text(uri);
    snippet = Safe.text(snippet);
    decoded = Safe.text(decoded);
    message = Safe.text(message);
    what = Safe.text(what);
    why = Safe.text(why);
    action = Safe.text(action);
    references = references.stream().map(Safe::text).toList();
  }

  /** MITRE ATT&amp;CK technique ids among the references ("T1059", "T1036.008"). */
  List<String> attackIds() {
    return references.stream().filter(r -> r.startsWith("MITRE ATT&CK "))
        .map(r -> r.substring("MITRE ATT&CK ".length()).trim()).toList();
  }

  /** References that are web links. */
  List<String> links() {
    return references.stream().filter(Issue::isWebLink).toList();
  }

  static boolean isWebLink(String s) {
    return s.startsWith("https://") || s.startsWith("http://");
  }
}
