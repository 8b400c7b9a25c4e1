package dev.bulwark.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One advisory that applies to one extracted dependency. Records about the same issue (CVE, GHSA,
 * PYSEC, NSWG ids linked by aliases) are merged into one finding.
 *
 * @param id the primary advisory id
 * @param aliases the other ids of the same issue, sorted
 * @param kind vulnerability or malicious
 * @param severity the severity (critical for malicious)
 * @param cvssScore the highest CVSS base score computed from the records' vectors, when any
 * @param summary one line
 * @param dependency the affected dependency
 * @param fixedVersions versions that fix it, in version order
 * @param unpinned true when the dependency is a range and only some allowed versions are affected
 * @param references advisory URLs
 */
public record AuditFinding(
    String id,
    List<String> aliases,
    AdvisoryKind kind,
    Severity severity,
    OptionalDouble cvssScore,
    String summary,
    Dependency dependency,
    List<String> fixedVersions,
    boolean unpinned,
    List<String> references)
    implements Comparable<AuditFinding> {

  public AuditFinding {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(cvssScore, "cvssScore");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(dependency, "dependency");
    fixedVersions = List.copyOf(fixedVersions);
    references = List.copyOf(references);
  }

  /** The same advisory bound to another occurrence of the same package. */
  public AuditFinding withDependency(Dependency d) {
    return new AuditFinding(id, aliases, kind, severity, cvssScore, summary, d, fixedVersions,
        unpinned, references);
  }

  /** True when this finding is identified by the id, or lists it as an alias. */
  public boolean hasId(String someId) {
    return id.equalsIgnoreCase(someId) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(someId));
  }

  /**
   * Malicious first, then by severity, file, line, package and id. Written out rather than as a
   * chain of key extractors: a large audit sorts a hundred thousand findings.
   */
  @Override
  public int compareTo(AuditFinding o) {
    int c = Boolean.compare(kind != AdvisoryKind.MALICIOUS, o.kind != AdvisoryKind.MALICIOUS);
    if (c != 0) {
      return c;
    }
    c = severity.compareTo(o.severity);
    if (c != 0) {
      return c;
    }
    Dependency d = dependency;
    Dependency e = o.dependency;
    if (d != e) {
      c = d.location().compareTo(e.location());
      if (c != 0) {
        return c;
      }
      c = d.name().compareTo(e.name());
      if (c != 0) {
        return c;
      }
      c = d.version().compareTo(e.version());
      if (c != 0) {
        return c;
      }
    }
    return id.compareTo(o.id);
  }
}
