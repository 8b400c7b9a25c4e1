package dev.bulwark.model;

import java.util.Locale;
import java.util.Optional;

/** How sure a rule is that a match means what it says. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Confidence> parse(String s) {
    String n = s.trim().toUpperCase(Locale.ROOT);
    for (Confidence c : values()) {
      if (c.name().equals(n)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
