package dev.bulwark.advisory;

import java.util.Locale;
import java.util.Optional;

/** What an advisory reports: a vulnerability in a package, or a package that is malware. */
public enum AdvisoryKind {
  VULNERABILITY,
  MALICIOUS;

  /** "vulnerability" or "malicious". */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<AdvisoryKind> parse(String s) {
    for (AdvisoryKind k : values()) {
      if (k.jsonName().equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
