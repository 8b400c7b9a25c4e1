package dev.bulwark.monitor;

import dev.bulwark.model.Ecosystem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored verdicts. Upserts are idempotent, keyed by ecosystem, name, version and artifact hash. */
public interface VerdictStore {
  /** Which verdicts to list. */
  record Query(Optional<Instant> judgedSince, Optional<MonitorVerdict> verdict) {
    public static Query all() {
      return new Query(Optional.empty(), Optional.empty());
    }
  }

  /**
   * Stores a verdict. Storing the same key again replaces the row (a replay never adds one).
   * Returns true when the row is new.
   */
  boolean upsert(VerdictRecord r) throws StoreException;

  /** Verdicts sorted by ecosystem, name, version. */
  List<VerdictRecord> query(Query q) throws StoreException;

  /**
   * The most recently published judged version of this package other than {@code version}
   * and published no later than {@code before}, for diffing. Error verdicts are not used.
   */
  Optional<VerdictRecord> previous(Ecosystem ecosystem, String name, String version,
      Instant before) throws StoreException;
}
