package dev.bulwark.model;

import java.util.Locale;
import java.util.Optional;

/** The package ecosystems Bulwark understands. {@link #osvName()} is the name OSV uses. */
public enum Ecosystem {
  NPM("npm", "npm"),
  PYPI("PyPI", "pypi");

  private final String osvName;
  private final String purlType;

  Ecosystem(String osvName, String purlType) {
    this.osvName = osvName;
    this.purlType = purlType;
  }

  /** The ecosystem name used in OSV records and in Bulwark's JSON output ("npm", "PyPI"). */
  public String osvName() {
    return osvName;
  }

  /** The package-url type ("npm", "pypi"). */
  public String purlType() {
    return purlType;
  }

  /** Parses "npm", "PyPI", "pypi" (any case). */
  public static Optional<Ecosystem> parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Ecosystem e : values()) {
      if (e.osvName.toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
