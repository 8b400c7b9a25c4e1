package dev.bulwark.advisory;

import java.util.Objects;

/**
 * One event of an OSV range.
 *
 * @param type introduced, fixed, last_affected or limit
 * @param version the version the event names ("0" for introduced means "from the start")
 */
record OsvEvent(Type type, String version) {
  enum Type {
    // Order used to break ties between events at the same version: an interval that is
    // introduced and fixed at one version is empty.
    INTRODUCED("introduced"),
    FIXED("fixed"),
    LAST_AFFECTED("last_affected"),
    LIMIT("limit");

    final String osvName;

    Type(String osvName) {
      this.osvName = osvName;
    }
  }

  OsvEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(version, "version");
  }
}
