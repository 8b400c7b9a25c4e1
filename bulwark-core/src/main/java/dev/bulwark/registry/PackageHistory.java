package dev.bulwark.registry;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.VersionScheme;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package's registry metadata, reduced to what the heuristics need.
 *
 * @param ecosystem npm or PyPI
 * @param name the name as the registry spells it
 * @param releases every version, oldest publication first (versions without a date by version)
 * @param latest the version the registry calls latest ("" when unknown)
 * @param readme true when the package has a README or long description
 * @param distTags npm dist-tags (empty for PyPI)
 */
public record PackageHistory(Ecosystem ecosystem, String name, List<Release> releases,
    String latest, boolean readme, java.util.Map<String, String> distTags) {
  public PackageHistory {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    VersionScheme s = VersionScheme.of(ecosystem);
    releases = releases.stream().sorted(Comparator
        .comparing((Release r) -> r.published().orElse(Instant.EPOCH))
        .thenComparing(Release::version, s::compare)).toList();
    Objects.requireNonNull(latest, "latest");
    distTags = java.util.Map.copyOf(distTags);
  }

  public Optional<Release> release(String version) {
    return releases.stream().filter(r -> r.version().equals(version)).findFirst();
  }

  /** The release published just before this one, if any. */
  public Optional<Release> previous(String version) {
    for (int i = 1; i < releases.size(); i++) {
      if (releases.get(i).version().equals(version)) {
        return Optional.of(releases.get(i - 1));
      }
    }
    return Optional.empty();
  }

  /** The releases published before this one, oldest first. */
  public List<Release> before(String version) {
    for (int i = 0; i < releases.size(); i++) {
      if (releases.get(i).version().equals(version)) {
        return releases.subList(0, i);
      }
    }
    return List.of();
  }
}
