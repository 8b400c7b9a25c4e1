package dev.bulwark.report;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.version.VersionScheme;
import java.util.List;
import java.util.Optional;

/** Works out the smallest upgrade that fixes every advisory of one dependency. */
public final class FixAdvice {
  private FixAdvice() {}

  /**
   * For each advisory, the smallest fixed version above the current one; the answer is the
   * largest of those. Empty when some advisory has no fixed version above the current one.
   */
  public static Optional<String> smallestFixingUpgrade(Dependency d, List<AuditFinding> findings) {
    VersionScheme vs = VersionScheme.of(d.ecosystem());
    String best = "";
    for (AuditFinding f : findings) {
      String min = "";
      for (String v : f.fixedVersions()) {
        boolean above = d.unpinned() || vs.compare(v, d.version()) > 0;
        if (above && (min.isEmpty() || vs.compare(v, min) < 0)) {
          min = v;
        }
      }
      if (min.isEmpty()) {
        return Optional.empty();
      }
      if (best.isEmpty() || vs.compare(min, best) > 0) {
        best = min;
      }
    }
    return best.isEmpty() ? Optional.empty() : Optional.of(best);
  }

  /** One line of advice for people. */
  public static String describe(Dependency d, List<AuditFinding> findings) {
    Optional<String> up = smallestFixingUpgrade(d, findings);
    if (up.isPresent()) {
      return "upgrade to " + up.get() + " or later"
          + (findings.size() > 1 ? " (fixes all " + findings.size() + ")" : "");
    }
    boolean anyFix = findings.stream().anyMatch(f -> !f.fixedVersions().isEmpty());
    return anyFix
        ? "no single upgrade fixes every advisory; see each advisory's fixed versions in --format json"
        : "no fixed version is known; consider replacing the package";
  }
}
