package dev.bulwark.registry;

import java.util.Locale;

/**
 * The verdict of a pre-install check, worst first. {@link #UNKNOWN}: the check could not complete
 * (registry unreachable or broken, no version, download failed…) and nothing known makes the
 * package malicious; it is never reported as clean.
 */
public enum CheckVerdict {
  MALICIOUS,
  SUSPICIOUS,
  UNKNOWN,
  CLEAN;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
