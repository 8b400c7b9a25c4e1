package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.VersionKey;
import java.util.Objects;

/**
 * One package of a project's inventory.
 *
 * @param key ecosystem, name and version (the range text when unpinned)
 * @param unpinned true for a range from a manifest; only exact versions are in the index
 * @param direct a direct dependency of the project
 * @param dev needed for development only
 */
public record PinnedPackage(VersionKey key, boolean unpinned, boolean direct, boolean dev)
    implements Comparable<PinnedPackage> {
  public PinnedPackage {
    Objects.requireNonNull(key, "key");
  }

  @Override
  public int compareTo(PinnedPackage o) {
    int c = key.compareTo(o.key);
    return c != 0 ? c : Boolean.compare(unpinned, o.unpinned);
  }
}
