package dev.bulwark.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls UTF-16LE text runs out of a Windows registry hive (NTUSER.DAT) of a mounted profile, so
 * that command lines stored under Run keys can be judged. Hand-written: no hive parser is among
 * the project's libraries, and value strings are stored as plain UTF-16LE runs, which is all the
 * sweep needs; it cannot tell which key a string came from.
 */
final class RegistryHive {
  static final int MIN_CHARS = 12;
  static final int MAX_STRINGS = 200_000;
  private static final int MAX_RUN = 4096;

  private RegistryHive() {}

  /** Printable UTF-16LE runs of at least {@link #MIN_CHARS} characters that mention an interpreter. */
  static List<String> commandStrings(byte[] hive) {
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i + 1 < hive.length && out.size() < MAX_STRINGS; i += 2) {
      char c = (char) ((hive[i] & 0xFF) | ((hive[i + 1] & 0xFF) << 8));
      if (c >= 0x20 && c < 0x7F && run.length() < MAX_RUN) {
        run.append(c);
      } else {
        flush(run, out);
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(StringBuilder run, List<String> out) {
    if (run.length() >= MIN_CHARS) {
      String s = run.toString();
      if (CommandJudge.runsInterpreter(s)) {
        out.add(s);
      }
    }
    run.setLength(0);
  }
}
