package dev.bulwark.model;

import java.util.Locale;
import java.util.Optional;

/** The small taxonomy of detection findings. JSON and rule files use the kebab-case name. */
public enum Category {
  INSTALL_HOOK,
  CODE_EXECUTION,
  DOWNLOAD_EXECUTE,
  EXFILTRATION,
  CREDENTIAL_THEFT,
  OBFUSCATION,
  SUSPICIOUS_NETWORK,
  BINARY_PAYLOAD,
  PERSISTENCE,
  EVASION,
  METADATA;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Category> parse(String s) {
    String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Category c : values()) {
      if (c.name().equals(n)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
