package dev.bulwark.monitor;

import dev.bulwark.model.Verdict;
import java.util.Locale;
import java.util.Optional;

/** A monitor verdict: the engine's three, plus {@code error} when a version could not be judged. */
public enum MonitorVerdict {
  MALICIOUS,
  SUSPICIOUS,
  CLEAN,
  ERROR;

  public static MonitorVerdict of(Verdict v) {
    return switch (v) {
      case MALICIOUS -> MALICIOUS;
      case SUSPICIOUS -> SUSPICIOUS;
      case CLEAN -> CLEAN;
    };
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MonitorVerdict> parse(String s) {
    for (MonitorVerdict v : values()) {
      if (v.jsonName().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
