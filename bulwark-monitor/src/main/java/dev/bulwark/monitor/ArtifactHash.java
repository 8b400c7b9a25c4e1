package dev.bulwark.monitor;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash a feed announced for an artifact, normalised to lower-case hex.
 *
 * @param algorithm "sha512", "sha256", "sha1" or "none" (the feed gave no hash)
 * @param hex the digest in lower-case hex, "" for "none"
 */
public record ArtifactHash(String algorithm, String hex) {
  public ArtifactHash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
  }

  public static ArtifactHash none() {
    return new ArtifactHash("none", "");
  }

  /** The strongest hash of an npm SRI string ("sha512-BASE64 sha1-…"); none when unusable. */
  public static ArtifactHash fromSri(String sri) {
    ArtifactHash best = none();
    for (String part : sri.strip().split("\\s+")) {
      int dash = part.indexOf('-');
      if (dash <= 0) {
        continue;
      }
      String alg = part.substring(0, dash).toLowerCase(Locale.ROOT);
      if (rank(alg) <= rank(best.algorithm)) {
        continue;
      }
      String b64 = part.substring(dash + 1);
      int q = b64.indexOf('?');
      try {
        byte[] raw = Base64.getDecoder().decode(q >= 0 ? b64.substring(0, q) : b64);
        best = new ArtifactHash(alg, HexFormat.of().formatHex(raw));
      } catch (IllegalArgumentException e) {
        // A malformed part is skipped; another part may still be usable.
      }
    }
    return best;
  }

  /** A hex digest as a feed gives it; none when it is not hex. */
  public static ArtifactHash fromHex(String algorithm, String hex) {
    String h = hex.strip().toLowerCase(Locale.ROOT);
    if (h.isEmpty() || !h.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
      return none();
    }
    return new ArtifactHash(algorithm.toLowerCase(Locale.ROOT), h);
  }

  /** Parses {@link #key()} back. */
  public static Optional<ArtifactHash> parseKey(String key) {
    int colon = key.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new ArtifactHash(key.substring(0, colon), key.substring(colon + 1)));
  }

  /** The Java {@code MessageDigest} name, empty for "none" or an unknown algorithm. */
  public Optional<String> javaAlgorithm() {
    return switch (algorithm) {
      case "sha512" -> Optional.of("SHA-512");
      case "sha384" -> Optional.of("SHA-384");
      case "sha256" -> Optional.of("SHA-256");
      case "sha1" -> Optional.of("SHA-1");
      default -> Optional.empty();
    };
  }

  /** "algorithm:hex", the form stored in verdict keys. */
  public String key() {
    return algorithm + ":" + hex;
  }

  private static int rank(String alg) {
    return switch (alg) {
      case "sha512" -> 4;
      case "sha384" -> 3;
      case "sha256" -> 2;
      case "sha1" -> 1;
      default -> 0;
    };
  }
}
