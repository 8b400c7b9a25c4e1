package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.VersionKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The watch's state: projects and their inventories, the index from package version to projects,
 * alerts, the watch's copy of verdicts, and tokens. Implementations are thread-safe.
 */
public interface WatchStore extends AutoCloseable {
  /** What replacing an inventory changed. */
  record Replaced(List<Alert> resolved) {
    public Replaced {
      resolved = List.copyOf(resolved);
    }
  }

  /**
   * Replaces a project's inventory with {@code packages} (creating the project), and resolves its
   * open alerts on versions it no longer pins. One transaction.
   */
  Replaced replace(String project, String file, Collection<PinnedPackage> packages, Instant now)
      throws WatchException;

  /** The projects pinning this exact version, sorted: the index, not a scan. */
  List<String> projectsPinning(VersionKey key) throws WatchException;

  /** Every exact version pinned by some project (for re-matching after an advisory update). */
  Set<VersionKey> pinnedVersions() throws WatchException;

  List<Project> projects() throws WatchException;

  Optional<Project> project(String name) throws WatchException;

  /** A project's packages, sorted. */
  List<PinnedPackage> packages(String project) throws WatchException;

  /**
   * Raises an alert unless one for the same project, version and cause exists; a resolved one is
   * raised again (state new). Returns the alert when it is new or raised again.
   */
  Optional<Alert> raise(String project, VersionKey key, String cause, String verdict,
      String summary, Instant now) throws WatchException;

  /** Alerts raised at or after {@code since}, in the given state (any when empty), by id. */
  List<Alert> alerts(Optional<Instant> since, Optional<AlertState> state, Optional<String> project,
      int limit) throws WatchException;

  /** Sets a new alert to acknowledged; false when there is no such alert or it is not new. */
  boolean acknowledge(long id, Instant now) throws WatchException;

  /** Alert counts by state. */
  java.util.Map<AlertState, Long> alertCounts() throws WatchException;

  /** Stores (replaces) the watch's copy of a verdict. */
  void verdict(PackageVerdict v) throws WatchException;

  Optional<PackageVerdict> verdict(VersionKey key) throws WatchException;

  /** Malicious and suspicious verdicts of these versions. */
  List<PackageVerdict> badVerdicts(Collection<VersionKey> keys) throws WatchException;

  /** The newest verdicts first. */
  List<PackageVerdict> latestVerdicts(int limit, boolean badOnly) throws WatchException;

  void addToken(Token t, String secretHash) throws WatchException;

  /** The token with this secret hash, revoked or not. */
  Optional<Token> tokenByHash(String secretHash) throws WatchException;

  /** Revokes a token by id; false when there is none. */
  boolean revoke(String id) throws WatchException;

  List<Token> tokens() throws WatchException;

  @Override
  void close();
}
