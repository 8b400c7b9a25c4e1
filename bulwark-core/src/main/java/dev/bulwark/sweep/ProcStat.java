package dev.bulwark.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a Linux process started, from {@code /proc/PID/stat} (field 22, clock ticks after boot)
 * and {@code /proc/stat} ({@code btime}, boot time in epoch seconds). Hand-written: both are
 * fixed-format lines of numbers; only the command name in parentheses needs care, as it may
 * itself contain spaces and parentheses.
 */
final class ProcStat {
  /**
   * Clock ticks per second as user space sees them (USER_HZ). Java cannot ask sysconf; Linux
   * fixes USER_HZ at 100 on every common architecture (x86, ARM, RISC-V), so it is assumed here.
   */
  static final long USER_HZ = 100;
  private static final int START_TIME_FIELD = 22;

  private ProcStat() {}

  /** The start time in clock ticks after boot, from the text of {@code /proc/PID/stat}. */
  static OptionalLong startTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] f = stat.substring(close + 1).strip().split("\\s+");
    // After "pid (comm)" the fields are numbered from 3 (state).
    int index = START_TIME_FIELD - 3;
    if (f.length <= index) {
      return OptionalLong.empty();
    }
    try {
      long ticks = Long.parseLong(f[index]);
      return ticks < 0 ? OptionalLong.empty() : OptionalLong.of(ticks);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The boot time, from the {@code btime} line of {@code /proc/stat}. */
  static Optional<Instant> bootTime(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("btime ")) {
        try {
          long s = Long.parseLong(line.substring(6).strip());
          return s > 0 ? Optional.of(Instant.ofEpochSecond(s)) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static Instant start(Instant boot, long ticks) {
    return boot.plusMillis(ticks * 1000 / USER_HZ);
  }

  /** "3 d 4 h", "5 h 12 min", "40 min", "under a minute". */
  static String describe(Duration d) {
    if (d.isNegative() || d.toMinutes() < 1) {
      return "under a minute";
    }
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toMinutes() + " min";
  }
}
