package dev.bulwark.policy;

import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * The failure threshold of {@code --fail-on}. The default fails on any malicious finding and on
 * vulnerabilities of high severity and above.
 */
public enum FailOn {
  DEFAULT,
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  ANY;

  public static Optional<FailOn> parse(String s) {
    try {
      return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** True when this finding is at or above the threshold. Malicious always fails. */
  public boolean fails(AuditFinding f) {
    if (f.kind() == AdvisoryKind.MALICIOUS) {
      return true;
    }
    return switch (this) {
      case DEFAULT, HIGH -> f.severity().atLeast(Severity.HIGH);
      case CRITICAL -> f.severity().atLeast(Severity.CRITICAL);
      case MEDIUM -> f.severity().atLeast(Severity.MEDIUM);
      case LOW -> f.severity().atLeast(Severity.LOW);
      case ANY -> true;
    };
  }

  public String jsonName() {
    return this == DEFAULT ? "default" : name().toLowerCase(Locale.ROOT);
  }
}
