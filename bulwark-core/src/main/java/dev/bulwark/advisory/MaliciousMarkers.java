package dev.bulwark.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an OSV record reports a malicious package rather than a vulnerability: a MAL-
 * id, the OpenSSF malicious-packages origin block in {@code database_specific}, or wording that
 * only malware reports use ("Malicious code in &lt;package&gt;"). Plain mentions of "malicious"
 * (such as "a malicious user can…") do not count.
 */
final class MaliciousMarkers {
  private static final List<String> SUMMARY_PHRASES =
      List.of("malicious code in", "malicious package", "contains malicious code", "is malware");
  private static final List<String> DETAILS_PHRASES =
      List.of(
          "this package contains malicious code",
          "this package is malicious",
          "published as a malicious package",
          // the boilerplate of GitHub's malware advisories
          "any computer that has this package installed or running should be considered fully compromised");

  private MaliciousMarkers() {}

  static AdvisoryKind kindOf(String id, String summary, String details, JsonNode root) {
    if (id.startsWith("MAL-")
        || root.path("database_specific").has("malicious-packages-origins")
        || containsAny(summary, SUMMARY_PHRASES)
        || containsAny(details, DETAILS_PHRASES)) {
      return AdvisoryKind.MALICIOUS;
    }
    return AdvisoryKind.VULNERABILITY;
  }

  private static boolean containsAny(String text, List<String> phrases) {
    String t = text.toLowerCase(Locale.ROOT);
    for (String p : phrases) {
      if (t.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
