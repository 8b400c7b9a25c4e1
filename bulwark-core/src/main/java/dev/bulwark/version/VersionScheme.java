package dev.bulwark.version;

import dev.bulwark.model.Ecosystem;

/**
 * Version ordering and ranges for one ecosystem: npm SemVer or PEP 440.
 *
 * <p>{@link #compare} is a total order over all strings: versions that are not valid in the scheme
 * sort before every valid version, and among themselves by string order, so legacy versions never
 * crash a comparison.
 */
public interface VersionScheme {
  Ecosystem ecosystem();

  /** True when the text is a valid version in this scheme (npm loose forms such as "v1.2.3" count). */
  boolean isValid(String version);

  /** Total order; 0 for equal versions (PEP 440: "1.0" equals "1.0.0"; SemVer ignores build metadata). */
  int compare(String a, String b);

  /**
   * An order-preserving byte key: {@code Arrays.compareUnsigned(key(a), key(b))} has the sign of
   * {@link #compare}{@code (a, b)} for any two strings, so keys compare as bytes (in Java or as
   * SQLite BLOBs) without parsing. Never empty.
   */
  byte[] key(String version);

  /** The canonical form ("1.0a1" for "1.0-alpha1"; "1.2.3" for "v1.2.3"). Invalid input comes back unchanged. */
  String normalize(String version);

  /**
   * Parses a range (npm: "^1.2.0 || 2.x"; PEP 440: "&gt;=1.0,&lt;2,!=1.5") as a user would write it in
   * a manifest.
   */
  VersionRange parseRange(String spec) throws InvalidVersionException;

  static VersionScheme of(Ecosystem ecosystem) {
    return switch (ecosystem) {
      case NPM -> NpmVersionScheme.INSTANCE;
      case PYPI -> Pep440VersionScheme.INSTANCE;
    };
  }
}
