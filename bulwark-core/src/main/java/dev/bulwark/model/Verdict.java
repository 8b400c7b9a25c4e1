package dev.bulwark.model;

import java.util.Locale;

/** The verdict for a scanned package or project, worst first. */
public enum Verdict {
  MALICIOUS,
  SUSPICIOUS,
  CLEAN;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
