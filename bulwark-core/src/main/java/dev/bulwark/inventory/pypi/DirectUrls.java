package dev.bulwark.inventory.pypi;

import java.util.Optional;

/** Names and versions that a direct URL or path reveals: {@code #egg=} or an archive file name. */
final class DirectUrls {
  private static final String[] SDIST_SUFFIXES = {".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".zip"};

  private DirectUrls() {}

  /** A name, and a version when the file name has one ("" otherwise). */
  record NameVersion(String name, String version) {}

  /** True when the text is a URL ("scheme://", "file:") or a local path rather than a PEP 508 name. */
  static boolean isUrlOrPath(String s) {
    if (s.startsWith(".") || s.startsWith("/") || s.startsWith("~") || s.startsWith("\\")) {
      return true;
    }
    int i = 0;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    if (i > 0 && s.startsWith("://", i)) {
      return true;
    }
    if (s.regionMatches(true, 0, "file:", 0, 5)) {
      return true;
    }
    // a path such as "vendor/pkg" or "C:\pkg": a separator before any PEP 508 punctuation
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '/' || c == '\\') {
        return true;
      }
      if ("[<>=!~;@ (".indexOf(c) >= 0) {
        return false;
      }
    }
    return false;
  }

  /** The name in a {@code #egg=name} fragment, without extras or a legacy "-version". */
  static Optional<String> eggName(String url) {
    int f = url.indexOf("#");
    if (f < 0) {
      return Optional.empty();
    }
    String frag = url.substring(f + 1);
    for (String part : frag.split("&")) {
      if (part.startsWith("egg=")) {
        String n = part.substring(4);
        int b = n.indexOf('[');
        n = b >= 0 ? n.substring(0, b) : n;
        return n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0)) ? Optional.empty() : Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** Name and version from a wheel ("name-1.0-py3-none-any.whl") or sdist ("name-1.0.tar.gz") URL. */
  static Optional<NameVersion> fromArchive(String url) {
    String u = url;
    int cut = indexOfAny(u, "#?");
    u = cut >= 0 ? u.substring(0, cut) : u;
    String file = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('\\')) + 1);
    if (file.endsWith(".whl")) {
      String[] parts = file.substring(0, file.length() - 4).split("-");
      return parts.length >= 5 && !parts[0].isEmpty()
          ? Optional.of(new NameVersion(parts[0], parts[1])) : Optional.empty();
    }
    for (String suffix : SDIST_SUFFIXES) {
      if (file.endsWith(suffix)) {
        String stem = file.substring(0, file.length() - suffix.length());
        for (int i = stem.length() - 2; i > 0; i--) {
          if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
            return Optional.of(new NameVersion(stem.substring(0, i), stem.substring(i + 1)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A name guessed from the last segment of a local path or VCS URL ("./libs/localpkg",
   * "git+https://host/org/tool.git@v1"), for entries that give no {@code #egg=}: pip would read
   * the real name from the project's metadata, which Bulwark does not build.
   */
  static Optional<String> nameFromPath(String url) {
    String u = url;
    int cut = indexOfAny(u, "#?");
    u = cut >= 0 ? u.substring(0, cut) : u;
    int bracket = u.indexOf('[');
    u = bracket >= 0 ? u.substring(0, bracket) : u;
    while (u.endsWith("/") || u.endsWith("\\")) {
      u = u.substring(0, u.length() - 1);
    }
    String seg = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('\\')) + 1);
    int at = seg.indexOf('@');
    seg = at >= 0 ? seg.substring(0, at) : seg;
    seg = seg.endsWith(".git") ? seg.substring(0, seg.length() - 4) : seg;
    boolean valid = !seg.isEmpty() && Character.isLetterOrDigit(seg.charAt(0))
        && Character.isLetterOrDigit(seg.charAt(seg.length() - 1))
        && seg.chars().allMatch(c -> Pep508.isNameChar((char) c));
    return valid ? Optional.of(seg) : Optional.empty();
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
