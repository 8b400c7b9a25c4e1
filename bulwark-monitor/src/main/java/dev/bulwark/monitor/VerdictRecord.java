package dev.bulwark.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdict of one version: one row of the verdict store, one message of the verdict topic.
 *
 * @param event the queued version it judges
 * @param artifactHash the artifact hash the row is keyed by: the announced hash's
 *     {@link ArtifactHash#key()}, so a replay of the same event hits the same row
 * @param verdict malicious, suspicious, clean or error
 * @param reason why (for {@code error}: what went wrong, such as "hash mismatch")
 * @param score 0 to 100, higher is worse (0 for error)
 * @param findings sorted findings
 * @param traits capabilities seen in this version ("install-script", "network", "process", …);
 *     the next version of the package is diffed against them
 * @param judged when the verdict was reached
 */
public record VerdictRecord(
    VersionEvent event,
    String artifactHash,
    MonitorVerdict verdict,
    String reason,
    int score,
    List<VerdictFinding> findings,
    Set<String> traits,
    Instant judged) {
  public VerdictRecord {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(artifactHash, "artifactHash");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(judged, "judged");
    findings = List.copyOf(findings.stream().sorted().toList());
    traits = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(traits));
  }

  public VersionKey key() {
    return event.key();
  }

  /** An {@code error} verdict for a version that could not be judged. */
  public static VerdictRecord error(VersionEvent event, String reason, Instant judged) {
    return new VerdictRecord(event, event.expected().key(), MonitorVerdict.ERROR, reason, 0,
        List.of(), Set.of(), judged);
  }
}
