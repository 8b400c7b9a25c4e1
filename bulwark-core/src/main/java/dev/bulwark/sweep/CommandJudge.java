package dev.bulwark.sweep;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a command line (from a shell rc file, a cron line, a unit file or a process)
 * runs node or python from an odd place: a temp folder, or a hidden folder in the home folder
 * that is not a known tool's. Command lines are untrusted text, so RE2/J is used.
 */
final class CommandJudge {
  private static final int MAX_TEXT = 64 * 1024;
  private static final Pattern RUNNER = Pattern.compile(
      "(?i)(?:^|[\\s/\\\\\"'=;|&(])(node|nodejs|python[0-9.]*|pythonw)(?:\\.exe)?(?:$|[\\s\"';|&)])");
  /** A hidden folder right under a home folder (~, $HOME, /home/NAME, /Users/NAME, Windows Users\\NAME). */
  private static final Pattern HOME_DOT = Pattern.compile(
      "(?i)(?:~|\\$HOME|\\$\\{HOME\\}|/home/[^/\\s]+|/Users/[^/\\s]+|/root|\\\\Users\\\\[^\\\\\\s]+)[/\\\\](\\.[A-Za-z0-9_.-]+)");
  private static final Pattern TEMP = Pattern.compile(
      "(?i)(/tmp/|/var/tmp/|/dev/shm/|\\\\Temp\\\\|/private/var/folders/|%TEMP%|\\$TMPDIR)");
  /** Hidden folders of common tool managers; running node or python from them is normal. */
  private static final Set<String> TOOL_DIRS = Set.of(".nvm", ".pyenv", ".local", ".volta",
      ".asdf", ".fnm", ".nodenv", ".deno", ".bun", ".vscode", ".vscode-server", ".cursor",
      ".cursor-server", ".conda", ".virtualenvs", ".venv", ".cache", ".rye", ".pixi", ".npm",
      ".npm-global", ".yarn", ".config", ".mise", ".rtx", ".proto", ".cargo", ".sdkman",
      ".vscode-insiders", ".windsurf", ".pnpm", ".jupyter", ".ipython", ".oh-my-zsh", ".poetry");
  /** Hidden folders and files named by malware reports; always odd. */
  private static final Set<String> KNOWN_BAD = Set.of(".n2", ".n3", ".pyp", ".npl", ".sysinfo");

  private CommandJudge() {}

  /** Why this command line is odd, or empty when it is not. */
  static Optional<String> odd(String command) {
    String text = command.length() > MAX_TEXT ? command.substring(0, MAX_TEXT) : command;
    Matcher r = RUNNER.matcher(text);
    if (!r.find()) {
      return Optional.empty();
    }
    String runner = r.group(1);
    Matcher h = HOME_DOT.matcher(text);
    while (h.find()) {
      String dir = h.group(1);
      if (KNOWN_BAD.contains(dir.toLowerCase(java.util.Locale.ROOT))) {
        return Optional.of("runs " + runner + " with " + dir + " (a known malware location)");
      }
      if (!TOOL_DIRS.contains(dir)) {
        return Optional.of("runs " + runner + " from the hidden home folder " + dir);
      }
    }
    Matcher t = TEMP.matcher(text);
    if (t.find()) {
      return Optional.of("runs " + runner + " from a temp folder (" + t.group(1) + ")");
    }
    return Optional.empty();
  }

  /** The known malware location (.n2, .pyp, .npl, …) a line names under a home folder, if any. */
  static Optional<String> knownBadLocation(String command) {
    String text = command.length() > MAX_TEXT ? command.substring(0, MAX_TEXT) : command;
    Matcher h = HOME_DOT.matcher(text);
    while (h.find()) {
      if (KNOWN_BAD.contains(h.group(1).toLowerCase(java.util.Locale.ROOT))) {
        return Optional.of(h.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * The hidden home folder a path lies in (".n2", ".foo"), with whether it is a known malware
   * location or a known tool's folder; empty when the path is not in a hidden home folder.
   */
  static Optional<Hidden> hiddenHomeFolder(String path) {
    String text = path.length() > MAX_TEXT ? path.substring(0, MAX_TEXT) : path;
    Matcher h = HOME_DOT.matcher(text);
    if (!h.find() || h.start() != 0) {
      return Optional.empty();
    }
    String dir = h.group(1);
    return Optional.of(new Hidden(dir, KNOWN_BAD.contains(dir.toLowerCase(java.util.Locale.ROOT)),
        TOOL_DIRS.contains(dir)));
  }

  /** A hidden home folder: its name, and whether malware reports or known tools use it. */
  record Hidden(String dir, boolean knownBad, boolean tool) {}

  /** The temp folder a path starts with ("/tmp/", "/dev/shm/"…), or empty. */
  static Optional<String> tempFolder(String path) {
    String text = path.length() > MAX_TEXT ? path.substring(0, MAX_TEXT) : path;
    Matcher t = TEMP.matcher(text);
    return t.find() && t.start() == 0 ? Optional.of(t.group(1)) : Optional.empty();
  }

  /** True when the command line names node or python at all. */
  static boolean runsInterpreter(String command) {
    String text = command.length() > MAX_TEXT ? command.substring(0, MAX_TEXT) : command;
    return RUNNER.matcher(text).find();
  }
}
