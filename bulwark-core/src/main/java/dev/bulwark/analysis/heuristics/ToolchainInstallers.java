package dev.bulwark.analysis.heuristics;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * The official bootstrap installers of developer toolchains (Homebrew, rustup, nvm, Docker's
 * convenience script, Deno, Bun, uv, Poetry, SDKMAN), by the https address each project documents
 * for {@code curl … | sh}. Piping one of them into a shell still runs code the package does not
 * ship, but the code is published and reviewed by that project at an address an attacker cannot
 * serve from; a dropper fetches from an address its author controls. Only a command whose every
 * address is one of these, written out in full (no variable or substitution in it), counts.
 */
final class ToolchainInstallers {
  /** Prefixes compared lower-case; one ending without '/' must be followed by '/', '?', '#' or the end. */
  private static final List<String> PREFIXES = List.of(
      "https://raw.githubusercontent.com/homebrew/install/",
      "https://sh.rustup.rs",
      "https://raw.githubusercontent.com/nvm-sh/nvm/",
      "https://get.docker.com",
      "https://deno.land/install.sh",
      "https://deno.land/x/install/",
      "https://bun.sh/install",
      "https://astral.sh/uv/",
      "https://install.python-poetry.org",
      "https://get.sdkman.io");
  private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s'\"`)|;&<>]+");

  private ToolchainInstallers() {}

  /**
   * True when the command text (a downloader's arguments, or what follows {@code $(curl}) names
   * at least one address and every address it names is a toolchain installer, with nothing
   * expanded at run time before the end of the command.
   */
  static boolean only(String commandText) {
    int end = commandText.indexOf(')');
    String t = end < 0 ? commandText : commandText.substring(0, end);
    if (t.indexOf('$') >= 0 || t.indexOf('`') >= 0) {
      return false;
    }
    Matcher m = URL.matcher(t);
    boolean any = false;
    while (m.find()) {
      if (!installer(m.group().toLowerCase(Locale.ROOT))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean installer(String url) {
    for (String p : PREFIXES) {
      if (url.startsWith(p) && (p.endsWith("/") || url.length() == p.length()
          || "/?#".indexOf(url.charAt(p.length())) >= 0)) {
        return true;
      }
    }
    return false;
  }
}
