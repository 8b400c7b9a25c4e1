package dev.bulwark.monitor;

import dev.bulwark.model.Ecosystem;
import java.util.Comparator;
import java.util.Objects;

/** One version of one package: what "exactly one verdict" is counted by. */
public record VersionKey(Ecosystem ecosystem, String name, String version)
    implements Comparable<VersionKey> {
  private static final Comparator<VersionKey> ORDER = Comparator.comparing(VersionKey::ecosystem)
      .thenComparing(VersionKey::name).thenComparing(VersionKey::version);

  public VersionKey {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /** The queue key, {@code ecosystem:name}: versions of one package stay in order. */
  public String queueKey() {
    return ecosystem.osvName() + ":" + name;
  }

  @Override
  public int compareTo(VersionKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return ecosystem.osvName() + ":" + name + "@" + version;
  }
}
