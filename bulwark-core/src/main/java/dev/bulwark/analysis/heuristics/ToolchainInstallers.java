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
public final class ToolchainInstallers {
  /** Prefixes compared lower-case; one ending without '/' must be followed by '/', '?', '#' or the end. */
  private static final List<String> PREFIXES = List.of(
      "https://raw.githubusercontent.com/homebrew/install/",
      "https://sh.rustup.rs",
      "https://raw.githubusercontent.com/nvm-sh/nvm/",
      "https://get.docker.com",
      "https://deno.land/install.sh",
      "https://deno.land/x/install/",
      "https://bun.sh/install",
      "https://bun.sh/install.ps1",
      "https://deno.land/install.ps1",
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

  /**
   * Host-and-path addresses written without a scheme ({@code irm bun.sh/install.ps1 | iex}, as
   * the projects document for PowerShell): a dotted host name right after a space, quote or
   * bracket, then a path.
   */
  private static final Pattern BARE = Pattern.compile(
      "(?i)(?:^|[\\s'\"(])([a-z0-9-]+(?:\\.[a-z0-9-]+)+/[^\\s'\"`)|;&<>]*)");

  /**
   * True when a matched download-and-run text (a rule's hit, such as {@code curl -fsSL URL | bash}
   * or {@code irm HOST/PATH | iex}) names at least one address and every address in it, with or
   * without a scheme, is a toolchain installer, and nothing in it is expanded at run time
   * ({@code $} or a backquote: a variable, a substitution, PowerShell's {@code $env:}).
   */
  public static boolean onlyAddresses(String matched) {
    if (matched.indexOf('$') >= 0 || matched.indexOf('`') >= 0) {
      return false;
    }
    boolean any = false;
    Matcher m = URL.matcher(matched);
    StringBuilder rest = new StringBuilder(matched);
    while (m.find()) {
      if (!installer(m.group().toLowerCase(Locale.ROOT))) {
        return false;
      }
      any = true;
      for (int i = m.start(); i < m.end(); i++) {
        rest.setCharAt(i, ' ');
      }
    }
    Matcher b = BARE.matcher(rest.toString());
    while (b.find()) {
      if (!installer("https://" + b.group(1).toLowerCase(Locale.ROOT))) {
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
