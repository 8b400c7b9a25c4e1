package dev.bulwark.model;

import java.util.Locale;

/** Package-name normalisation rules of each ecosystem. */
public final class PackageNames {
  private PackageNames() {}

  /**
   * PEP 503 normalisation: lower case, and every run of '-', '_' and '.' becomes one '-'. Written by
   * hand because it is one line of the spec; equivalent to the regex {@code [-_.]+} replacement.
   */
  public static String normalizePypi(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean sep = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        sep = true;
        continue;
      }
      if (sep && b.length() > 0) {
        b.append('-');
      }
      sep = false;
      b.append(Character.toLowerCase(c));
    }
    return b.toString().toLowerCase(Locale.ROOT).trim();
  }

  /** The name as the ecosystem compares it: PEP 503 for PyPI, unchanged for npm. */
  public static String normalize(Ecosystem ecosystem, String name) {
    return ecosystem == Ecosystem.PYPI ? normalizePypi(name) : name;
  }
}
