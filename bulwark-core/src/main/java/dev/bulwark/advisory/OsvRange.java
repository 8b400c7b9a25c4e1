package dev.bulwark.advisory;

import java.util.List;
import java.util.Objects;

/**
 * An OSV range that Bulwark evaluates: SEMVER (compared with npm SemVer) or ECOSYSTEM (compared
 * with the package ecosystem's scheme). GIT ranges are dropped at parse time.
 *
 * @param type "SEMVER" or "ECOSYSTEM"
 * @param events the events as written (not yet sorted)
 */
record OsvRange(String type, List<OsvEvent> events) {
  static final String SEMVER = "SEMVER";
  static final String ECOSYSTEM = "ECOSYSTEM";

  OsvRange {
    Objects.requireNonNull(type, "type");
    events = List.copyOf(events);
  }
}
