package dev.bulwark.registry;

/**
 * Where a {@link Checker}'s time went, summed over every check (checks that run in parallel
 * add up, so the total can exceed the wall time). Nanoseconds.
 *
 * @param metadataNanos fetching (or reading from the metadata cache) and parsing registry metadata
 * @param heuristicsNanos the metadata heuristics and the typosquat check
 * @param advisoryNanos advisory database lookups
 * @param downloadNanos downloading artifacts and verifying their integrity hash
 * @param scanNanos reading archives and the static scan
 * @param checks packages checked
 * @param scanned artifacts downloaded and scanned
 * @param cached artifacts whose scan came from the scan cache (no download)
 */
public record PhaseTimes(long metadataNanos, long heuristicsNanos, long advisoryNanos,
    long downloadNanos, long scanNanos, int checks, int scanned, int cached) {
  /** The sum of every phase. */
  public long totalNanos() {
    return metadataNanos + heuristicsNanos + advisoryNanos + downloadNanos + scanNanos;
  }
}
