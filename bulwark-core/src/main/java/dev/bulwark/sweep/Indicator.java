package dev.bulwark.sweep;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of evidence found by the sweep.
 *
 * @param area which check found it
 * @param strong true for confirmed evidence: a known indicator of compromise (a file, hash, path or
 *     C2 address from the IOC data, a start-up entry that runs a known payload, an installed
 *     package with a MAL record); only these say "compromised". False for suspicious evidence: a
 *     heuristic a person should check (reported with how to check it, never "compromised")
 * @param kind a short stable identifier, such as {@code file-trace} or {@code c2-connection}
 * @param path the file (or /proc entry) it was found in
 * @param detail what was seen, never a secret value
 * @param family the malware family or campaign it belongs to, or ""
 * @param source where the indicator was published, or ""
 * @param mtime when the file was last modified, if known
 */
public record Indicator(
    Area area, boolean strong, String kind, String path, String detail, String family,
    String source, Optional<Instant> mtime) implements Comparable<Indicator> {

  /** How strong the evidence is: confirmed (a known indicator) or suspicious (a heuristic). */
  public enum Grade {
    CONFIRMED,
    SUSPICIOUS;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The grade of this evidence. */
  public Grade grade() {
    return strong ? Grade.CONFIRMED : Grade.SUSPICIOUS;
  }

  /** The checks of a sweep, in report order. */
  public enum Area { FILES, PERSISTENCE, NETWORK, PACKAGES, EDITORS }

  private static final Comparator<Indicator> ORDER = Comparator.comparing(Indicator::area)
      .thenComparing(i -> !i.strong()).thenComparing(Indicator::kind)
      .thenComparing(Indicator::path).thenComparing(Indicator::detail);

  public Indicator {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mtime, "mtime");
  }

  @Override
  public int compareTo(Indicator o) {
    return ORDER.compare(this, o);
  }
}
