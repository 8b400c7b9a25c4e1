package dev.bulwark.monitor.watch;

import java.util.Locale;
import java.util.Optional;

/** What a token may do. */
public enum Scope {
  /** Everything: read, upload, acknowledge alerts. */
  ADMIN,
  /** Read projects, alerts, verdicts, health and metrics; change nothing. */
  READ_ONLY,
  /** Upload inventories only (for CI); read nothing. */
  UPLOAD_ONLY;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Scope> parse(String s) {
    for (Scope v : values()) {
      if (v.jsonName().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  boolean canRead() {
    return this != UPLOAD_ONLY;
  }

  boolean canUpload() {
    return this != READ_ONLY;
  }

  boolean canChange() {
    return this == ADMIN;
  }
}
