package dev.bulwark.sweep;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to sweep.
 *
 * @param home the user's home folder
 * @param root the file-system root (a mounted image, or "/"); /proc is read under it
 * @param since only report evidence in files modified at or after this instant
 * @param iocFiles extra indicator files (trace kinds and feed types, see docs/sweep.md)
 * @param budgetMillis stop walking after this much time
 * @param maxEntries stop walking after this many folder entries
 */
public record SweepOptions(Path home, Path root, Optional<Instant> since, List<Path> iocFiles,
    long budgetMillis, int maxEntries) {
  public static final long DEFAULT_BUDGET_MILLIS = 60_000;
  public static final int DEFAULT_MAX_ENTRIES = 2_000_000;

  public SweepOptions {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(since, "since");
    iocFiles = List.copyOf(iocFiles);
  }

  public static SweepOptions of(Path home, Path root) {
    return new SweepOptions(home, root, Optional.empty(), List.of(), DEFAULT_BUDGET_MILLIS,
        DEFAULT_MAX_ENTRIES);
  }
}
