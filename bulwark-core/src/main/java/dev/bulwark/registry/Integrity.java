package dev.bulwark.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Checks downloaded bytes against npm SRI strings ("sha512-BASE64") and PyPI hex digests. */
final class Integrity {
  private Integrity() {}

  /**
   * True when any strong hash in the SRI string matches; sha1-only integrity does not count.
   * An empty string never matches.
   */
  static boolean matchesSri(String sri, byte[] data) {
    boolean matched = false;
    for (String part : sri.strip().split("\\s+")) {
      int dash = part.indexOf('-');
      if (dash <= 0) {
        continue;
      }
      String alg = part.substring(0, dash).toLowerCase(Locale.ROOT);
      String javaAlg = switch (alg) {
        case "sha512" -> "SHA-512";
        case "sha384" -> "SHA-384";
        case "sha256" -> "SHA-256";
        default -> "";
      };
      if (javaAlg.isEmpty()) {
        continue;
      }
      String b64 = part.substring(dash + 1);
      int q = b64.indexOf('?');
      b64 = q >= 0 ? b64.substring(0, q) : b64;
      try {
        byte[] expected = Base64.getDecoder().decode(b64);
        matched |= MessageDigest.isEqual(expected, digest(javaAlg, data));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return matched;
  }

  static boolean matchesSha256Hex(String hex, byte[] data) {
    try {
      return !hex.isBlank() && MessageDigest.isEqual(HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT)),
          digest("SHA-256", data));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String sha512Sri(byte[] data) {
    return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", data));
  }

  private static byte[] digest(String alg, byte[] data) {
    try {
      return MessageDigest.getInstance(alg).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
