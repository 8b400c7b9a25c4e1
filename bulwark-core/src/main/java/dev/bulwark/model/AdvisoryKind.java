package dev.bulwark.model;

import java.util.Locale;

/** Whether an advisory reports a vulnerability or a known-malicious package. */
public enum AdvisoryKind {
  VULNERABILITY,
  MALICIOUS;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
