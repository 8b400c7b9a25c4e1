package dev.bulwark.model;

import java.util.Locale;
import java.util.Optional;

/** Severity, most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  UNKNOWN;

  /** True when this is as severe as {@code other} or more. UNKNOWN is below LOW. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The CVSS qualitative rating of a base score (v3.x and v4.0 use the same bands). */
  public static Severity fromCvss(double score) {
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    if (score > 0.0) {
      return LOW;
    }
    return UNKNOWN;
  }

  public static Optional<Severity> parse(String s) {
    String n = s.trim().toUpperCase(Locale.ROOT);
    if (n.equals("MODERATE")) {
      return Optional.of(MEDIUM);
    }
    for (Severity v : values()) {
      if (v.name().equals(n)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
