package dev.bulwark.monitor.watch;

import java.util.Locale;
import java.util.Optional;

/** An alert's life: raised as new, acknowledged by a person, resolved by the next upload. */
public enum AlertState {
  NEW,
  ACKNOWLEDGED,
  RESOLVED;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertState> parse(String s) {
    for (AlertState v : values()) {
      if (v.jsonName().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
