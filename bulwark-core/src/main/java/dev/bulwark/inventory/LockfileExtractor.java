package dev.bulwark.inventory;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;

/**
 * Reads one lockfile or manifest format. Implementations are stateless, do no I/O of their own
 * beyond {@link LockfileInput#readRelative}, and never print.
 */
public interface LockfileExtractor {
  /** A path-like id, such as "npm/package-lock" or "pypi/requirements". */
  String id();

  Ecosystem ecosystem();

  /** True when a file with this base name (no directory) is in this format. */
  boolean handles(String fileName);

  /**
   * True for manifests (package.json, pyproject.toml, setup.cfg) that are read only when no
   * lockfile of the same ecosystem sits in the same directory.
   */
  default boolean isManifest() {
    return false;
  }

  /**
   * Extracts every package. A file that cannot be parsed at all throws; a file with some bad
   * entries returns what it could read and lists the rest in {@link Inventory#problems()}.
   */
  Inventory extract(LockfileInput input) throws ExtractionException;
}
