package dev.bulwark.advisory;

import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One advisory (or one group of advisories that describe the same issue) that applies to a
 * dependency.
 *
 * @param id the primary id of the group: a MAL- id first, then GHSA-, PYSEC-, CVE-, then any other
 *     (ties broken by string order)
 * @param aliases every other id of the group (record ids, their aliases and related ids), sorted
 * @param kind vulnerability or malicious (malicious when any record of the group is)
 * @param severity the most severe of the group; malicious advisories are critical
 * @param cvssScore the highest CVSS base score of the group, when any record has a vector
 * @param summary the primary record's summary, else the first non-empty one, else ""
 * @param fixedVersions versions that fix the issue for this package, sorted by version
 * @param unpinned true when the dependency was a range and some allowed version is affected
 * @param references advisory and fix URLs of the group, sorted, at most 20
 */
public record AdvisoryMatch(
    String id,
    List<String> aliases,
    AdvisoryKind kind,
    Severity severity,
    OptionalDouble cvssScore,
    String summary,
    List<String> fixedVersions,
    boolean unpinned,
    List<String> references) {

  public AdvisoryMatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(cvssScore, "cvssScore");
    Objects.requireNonNull(summary, "summary");
    aliases = List.copyOf(aliases);
    fixedVersions = List.copyOf(fixedVersions);
    references = List.copyOf(references);
  }

  /** True for a malicious-package advisory. */
  public boolean malicious() {
    return kind == AdvisoryKind.MALICIOUS;
  }
}
