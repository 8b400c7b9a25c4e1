package dev.bulwark.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * A train/validation split of a dataset by a hash of each sample's package name, so all versions
 * of one package fall on the same side. A sample is in validation when
 * {@code sha256(seed + ":" + lower-case name)}, read as an unsigned big-endian number, is
 * {@code 0 mod modulus}; otherwise it is in train. The rule is printed with every report so the
 * split can be repeated.
 *
 * @param part which side to keep
 * @param modulus one in {@code modulus} packages is validation (2 to 100; 5 gives 20 %)
 * @param seed mixed into the hash so a different split can be drawn
 */
public record Split(Part part, int modulus, String seed) {
  /** Which side of the split to keep. */
  public enum Part {
    ALL, TRAIN, VALIDATION;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String DEFAULT_SEED = "bulwark-split-v1";

  public Split {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(seed, "seed");
    if (modulus < 2 || modulus > 100) {
      throw new IllegalArgumentException("split modulus must be between 2 and 100, was " + modulus);
    }
  }

  /** No split: every sample is kept. */
  public static Split all() {
    return new Split(Part.ALL, 5, DEFAULT_SEED);
  }

  /** Parses {@code all}, {@code train} or {@code validation}. */
  public static Split parse(String part, int modulus, String seed) {
    Part p = switch (part.toLowerCase(Locale.ROOT)) {
      case "all" -> Part.ALL;
      case "train" -> Part.TRAIN;
      case "validation", "val" -> Part.VALIDATION;
      default -> throw new IllegalArgumentException(
          "unknown split '" + part + "'; expected all, train or validation");
    };
    return new Split(p, modulus, seed);
  }

  /** The rule in one line, for reports. */
  public String describe() {
    String rule = "sha256(\"" + seed + ":\" + package name) mod " + modulus + " == 0 is validation";
    return part == Part.ALL ? "all samples (" + rule + ")" : part.jsonName() + " (" + rule + ")";
  }

  /** Whether a sample is on the kept side. */
  public boolean keeps(Sample s) {
    return part == Part.ALL || isValidation(packageName(s)) == (part == Part.VALIDATION);
  }

  /** The samples of a dataset on the kept side; notes are kept. */
  public Dataset apply(Dataset d) {
    if (part == Part.ALL) {
      return d;
    }
    return new Dataset(d.samples().stream().filter(this::keeps).toList(), d.notes());
  }

  /** Whether a package name is on the validation side. */
  public boolean isValidation(String packageName) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h = md.digest((seed + ":" + packageName.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
      return new java.math.BigInteger(1, h).mod(java.math.BigInteger.valueOf(modulus)).signum() == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The package name of a sample, from its id: {@code npm/@scope/name@1.0.0} (the DataDog layout),
   * {@code npm/scope-name-1.2.3.tgz} (a fetched tarball: the version starts at the first
   * {@code -<digits>.} run), {@code pypi-debian/requests} (an unpacked project) or
   * {@code site-packages/requests-2.31.0} (an installed distribution).
   */
  public static String packageName(Sample s) {
    String id = s.id();
    int at = id.lastIndexOf('@');
    int slash = id.indexOf('/');
    String rest = slash < 0 ? id : id.substring(slash + 1);
    if (at > slash + 1 && id.charAt(at - 1) != '/') {
      return id.substring(slash + 1, at);
    }
    String last = rest.substring(rest.lastIndexOf('/') + 1);
    for (String ext : new String[] {".tar.gz", ".tgz", ".whl", ".zip", ".tar.bz2"}) {
      if (last.endsWith(ext)) {
        last = last.substring(0, last.length() - ext.length());
        break;
      }
    }
    // a wheel: name-version-pytag-abi-platform
    if (s.path().getFileName() != null && s.path().getFileName().toString().endsWith(".whl")) {
      int dash = last.indexOf('-');
      return dash > 0 ? last.substring(0, dash) : last;
    }
    for (int i = 1; i < last.length() - 1; i++) {
      if (last.charAt(i) == '-' && Character.isDigit(last.charAt(i + 1)) && looksLikeVersion(last, i + 1)) {
        return last.substring(0, i);
      }
    }
    return last;
  }

  private static boolean looksLikeVersion(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i == s.length() || s.charAt(i) == '.';
  }
}
