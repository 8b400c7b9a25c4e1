package dev.bulwark.sweep;

import java.util.Optional;
import java.util.Set;

/**
 * Judges a running process by what it really is, not by the words of its command line: the real
 * path of its executable ({@code /proc/PID/exe}, which also says when the file was deleted) and
 * its working directory ({@code /proc/PID/cwd}). A shell whose command line merely mentions
 * {@code /tmp} is not judged at all; a binary whose file is in {@code /tmp} is.
 */
final class ProcessJudge {
  private static final String DELETED = " (deleted)";
  /** Where package managers install executables; a deleted one there is usually an upgrade. */
  private static final Set<String> SYSTEM_PREFIXES = Set.of("/usr/", "/bin/", "/sbin/", "/lib/",
      "/lib64/", "/opt/", "/snap/", "/nix/", "/app/", "/System/", "/Library/", "/Applications/");
  private static final com.google.re2j.Pattern INTERPRETER =
      com.google.re2j.Pattern.compile("(?i)(node|nodejs|python[0-9.]*|pythonw)(\\.exe)?");

  private ProcessJudge() {}

  /** What was seen: confirmed (a known malware location) or suspicious, and why. */
  record Judgement(boolean confirmed, String why) {}

  /**
   * The judgement for one process, or empty when nothing is odd. {@code exe} and {@code cwd} are
   * the link targets as read (never followed); empty when they could not be read.
   */
  static Optional<Judgement> judge(Optional<String> exe, Optional<String> cwd) {
    if (exe.isEmpty()) {
      return Optional.empty(); // not ours to read, or a kernel thread: nothing to judge by
    }
    String raw = exe.get();
    boolean deleted = raw.endsWith(DELETED);
    String path = deleted ? raw.substring(0, raw.length() - DELETED.length()) : raw;
    String base = path.substring(path.lastIndexOf('/') + 1);
    boolean interpreter = INTERPRETER.matches(base);
    Optional<CommandJudge.Hidden> exeHidden = CommandJudge.hiddenHomeFolder(path);
    Optional<CommandJudge.Hidden> cwdHidden = cwd.flatMap(CommandJudge::hiddenHomeFolder);
    if (exeHidden.isPresent() && exeHidden.get().knownBad()) {
      return Optional.of(new Judgement(true, "its executable " + path + " is in "
          + exeHidden.get().dir() + ", a known malware location"));
    }
    if (interpreter && cwdHidden.isPresent() && cwdHidden.get().knownBad()) {
      return Optional.of(new Judgement(true, base + " runs in " + cwd.get() + " ("
          + cwdHidden.get().dir() + ", a known malware location)"));
    }
    Optional<String> temp = CommandJudge.tempFolder(path);
    if (temp.isPresent()) {
      return Optional.of(new Judgement(false, "its executable " + path + " is in a temp folder ("
          + temp.get() + ")" + (deleted ? " and was deleted after it started" : "")));
    }
    if (exeHidden.isPresent() && !exeHidden.get().tool()) {
      return Optional.of(new Judgement(false, "its executable " + path
          + " is in the hidden home folder " + exeHidden.get().dir()
          + (deleted ? " and was deleted after it started" : "")));
    }
    if (deleted && SYSTEM_PREFIXES.stream().noneMatch(path::startsWith)
        && exeHidden.map(h -> !h.tool()).orElse(true)) {
      return Optional.of(new Judgement(false, "its executable " + path
          + " was deleted after it started"));
    }
    if (interpreter && cwdHidden.isPresent() && !cwdHidden.get().tool()) {
      return Optional.of(new Judgement(false, base + " runs in the hidden home folder "
          + cwd.get()));
    }
    return Optional.empty();
  }
}
