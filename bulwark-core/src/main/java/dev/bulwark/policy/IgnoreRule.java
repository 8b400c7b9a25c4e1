package dev.bulwark.policy;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.SourceLocation;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the ignore list in {@code .bulwark.yml}. It ignores an advisory id (any of a
 * finding's ids), or a package (optionally one version), until its expiry date.
 *
 * @param advisoryId the advisory id to ignore, or "" when the rule names a package
 * @param ecosystem "npm" or "pypi" when the rule names a package, else ""
 * @param packageName the package name, or ""
 * @param version one exact version, or "" for all versions
 * @param reason why it is ignored (required)
 * @param expires the last day on which it applies (required)
 * @param location where it is written
 */
public record IgnoreRule(
    String advisoryId,
    String ecosystem,
    String packageName,
    String version,
    String reason,
    LocalDate expires,
    SourceLocation location) {
  public IgnoreRule {
    Objects.requireNonNull(advisoryId, "advisoryId");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(location, "location");
  }

  /** True when the rule has expired on the given day (it applies through its expiry date). */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }

  public boolean matches(AuditFinding f) {
    if (!advisoryId.isEmpty()) {
      return f.hasId(advisoryId) && packageMatches(f, true);
    }
    return packageMatches(f, false);
  }

  private boolean packageMatches(AuditFinding f, boolean optional) {
    if (packageName.isEmpty()) {
      return optional;
    }
    var d = f.dependency();
    if (!ecosystem.isEmpty() && !d.ecosystem().purlType().equals(ecosystem)) {
      return false;
    }
    if (!PackageNames.normalize(d.ecosystem(), d.name())
        .equals(PackageNames.normalize(d.ecosystem(), packageName))) {
      return false;
    }
    return version.isEmpty() || version.equals(d.version());
  }

  /** How to show it: "GHSA-… (lodash)" or "npm:lodash@4.17.4". */
  public String describe() {
    String pkg = packageName.isEmpty() ? ""
        : (ecosystem.isEmpty() ? "" : ecosystem + ":") + packageName
            + (version.isEmpty() ? "" : "@" + version);
    if (advisoryId.isEmpty()) {
      return pkg;
    }
    return pkg.isEmpty() ? advisoryId : advisoryId + " in " + pkg;
  }

  static Optional<String> blankToEmpty(Object o) {
    return o == null ? Optional.empty() : Optional.of(o.toString().trim()).filter(s -> !s.isEmpty());
  }
}
