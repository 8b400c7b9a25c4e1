package dev.bulwark.advisory;

import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What Bulwark keeps of one OSV record.
 *
 * @param id the record id
 * @param modified RFC 3339 time of the last change, as written
 * @param published RFC 3339 time of publication, "" when absent
 * @param withdrawn RFC 3339 time of withdrawal, "" when not withdrawn
 * @param aliases ids of the same issue in other databases
 * @param related ids of closely related issues
 * @param summary one line, "" when absent
 * @param kind vulnerability or malicious
 * @param severity from the highest CVSS score, else the database's own rating, else UNKNOWN;
 *     critical for malicious records
 * @param score the highest CVSS v3/v4 base score, when any vector scores
 * @param affected the npm and PyPI packages it affects
 * @param references reference URLs
 * @param otherEcosystems ecosystems of affected entries that were skipped (not npm or PyPI)
 */
record OsvRecord(
    String id,
    String modified,
    String published,
    String withdrawn,
    List<String> aliases,
    List<String> related,
    String summary,
    AdvisoryKind kind,
    Severity severity,
    OptionalDouble score,
    List<OsvAffected> affected,
    List<String> references,
    List<String> otherEcosystems) {

  OsvRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(withdrawn, "withdrawn");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(score, "score");
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    affected = List.copyOf(affected);
    references = List.copyOf(references);
    otherEcosystems = List.copyOf(otherEcosystems);
  }

  boolean isWithdrawn() {
    return !withdrawn.isEmpty();
  }
}
