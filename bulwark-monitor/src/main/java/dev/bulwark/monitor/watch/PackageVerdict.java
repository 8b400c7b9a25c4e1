package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VersionKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The watch's copy of a monitor verdict (what the API and dashboard show, and what an upload is
 * checked against).
 *
 * @param key ecosystem, name and version
 * @param verdict malicious, suspicious, clean or error
 * @param score 0 to 100
 * @param reason the verdict's reason
 * @param evidence findings, at most {@link #MAX_EVIDENCE}, sorted
 * @param published when the registry published it
 * @param judged when it was judged
 */
public record PackageVerdict(VersionKey key, String verdict, int score, String reason,
    List<VerdictFinding> evidence, Instant published, Instant judged) {
  /** Findings kept per verdict. */
  public static final int MAX_EVIDENCE = 50;

  public PackageVerdict {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(judged, "judged");
    evidence = List.copyOf(evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE)
        : evidence);
  }

  boolean bad() {
    return verdict.equals("malicious") || verdict.equals("suspicious");
  }
}
