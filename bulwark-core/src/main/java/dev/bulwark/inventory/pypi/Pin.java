package dev.bulwark.inventory.pypi;

/**
 * A version constraint reduced to what {@link dev.bulwark.model.Dependency} records.
 *
 * @param version the exact version when pinned, else the specifier text ("" for any version)
 * @param unpinned true unless the constraint names one exact version
 */
record Pin(String version, boolean unpinned) {

  static Pin exact(String version) {
    return new Pin(version, false);
  }

  static Pin range(String specifier) {
    return new Pin(specifier, true);
  }

  /** The path item of a dependency: "name==1.0" when pinned, "name&gt;=1" or "name" when not. */
  String pathItem(String name) {
    return unpinned ? name + version : name + "==" + version;
  }

  /**
   * Classifies a PEP 440 specifier set as written in requirements and PEP 621 manifests: one
   * {@code ==} or {@code ===} clause without a wildcard is exact; anything else is a range.
   * "*" (Pipfile, Poetry) means any version and becomes "".
   */
  static Pin ofSpecifier(String specifier) {
    String s = stripSpaces(specifier);
    if (s.equals("*")) {
      return range("");
    }
    if (s.indexOf(',') < 0 && !s.contains("*")) {
      if (s.startsWith("===") && s.length() > 3) {
        return exact(s.substring(3));
      }
      if (s.startsWith("==") && s.length() > 2 && s.charAt(2) != '=') {
        return exact(s.substring(2));
      }
    }
    return range(s);
  }

  /**
   * Classifies a Poetry constraint. Poetry reads a bare version ("2.0.1") as an exact pin, unlike
   * PEP 440, so it is pinned here too; caret and tilde constraints stay ranges, kept as text.
   */
  static Pin ofPoetry(String constraint) {
    String s = stripSpaces(constraint);
    if (!s.isEmpty() && Character.isDigit(s.charAt(0)) && isPlainVersion(s)) {
      return exact(s);
    }
    return ofSpecifier(s);
  }

  private static boolean isPlainVersion(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == '_' || c == '!')) {
        return false;
      }
    }
    return true;
  }

  static String stripSpaces(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
