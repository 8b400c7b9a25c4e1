package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import java.util.List;
import java.util.Objects;

/**
 * One affected package of an advisory.
 *
 * @param ecosystem npm or PyPI
 * @param name the package name, normalised ({@code PackageNames.normalize})
 * @param ranges SEMVER and ECOSYSTEM ranges
 * @param versions the explicitly listed affected versions
 * @param allVersions true when the record gives neither ranges (of any type) nor versions, which
 *     Bulwark reads as "every version" (as osv-scanner does); a record with only GIT ranges is not
 *     read that way
 */
record OsvAffected(
    Ecosystem ecosystem,
    String name,
    List<OsvRange> ranges,
    List<String> versions,
    boolean allVersions) {
  OsvAffected {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
  }
}
