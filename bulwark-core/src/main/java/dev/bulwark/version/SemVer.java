package dev.bulwark.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SemVer 2.0.0 version. Numbers are {@link BigInteger}s so that hostile input such as
 * "1.2.99999999999999999999" orders correctly instead of overflowing. Prerelease identifiers are
 * stored normalised (numeric ones without leading zeros); build metadata is kept but takes no part
 * in precedence.
 */
record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> pre, List<String> build)
    implements Comparable<SemVer> {

  /** node-semver refuses versions longer than this; so do we. */
  static final int MAX_LENGTH = 256;

  SemVer {
    pre = List.copyOf(pre);
    build = List.copyOf(build);
  }

  static SemVer of(BigInteger major, BigInteger minor, BigInteger patch, List<String> pre) {
    return new SemVer(major, minor, patch, pre, List.of());
  }

  /**
   * Parses the forms npm accepts: optional surrounding whitespace, an optional "=" and an optional
   * "v" or "V" before a full "major.minor.patch[-pre][+build]". Numeric parts may have leading
   * zeros (npm's loose mode); they are normalised away.
   */
  static Optional<SemVer> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String s = Ascii.stripJs(text);
    int i = 0;
    if (i < s.length() && s.charAt(i) == '=') {
      i++;
      while (i < s.length() && Ascii.isJsSpace(s.charAt(i))) {
        i++;
      }
    }
    if (i < s.length() && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
      i++;
    }
    return parseCore(s.substring(i));
  }

  /** Parses "major.minor.patch[-pre][+build]" with nothing before or after. */
  static Optional<SemVer> parseCore(String s) {
    int plus = s.indexOf('+');
    String main = plus < 0 ? s : s.substring(0, plus);
    Optional<List<String>> build =
        plus < 0 ? Optional.of(List.of()) : identifiers(s.substring(plus + 1), false);
    int dash = main.indexOf('-');
    String nums = dash < 0 ? main : main.substring(0, dash);
    Optional<List<String>> pre =
        dash < 0 ? Optional.of(List.of()) : identifiers(main.substring(dash + 1), true);
    String[] parts = nums.split("\\.", -1);
    if (parts.length != 3 || build.isEmpty() || pre.isEmpty()) {
      return Optional.empty();
    }
    for (String p : parts) {
      if (!Ascii.allDigits(p)) {
        return Optional.empty();
      }
    }
    return Optional.of(new SemVer(Ascii.number(parts[0]), Ascii.number(parts[1]),
        Ascii.number(parts[2]), pre.get(), build.get()));
  }

  /** Dot-separated non-empty identifiers of [0-9A-Za-z-]; numeric prerelease ids lose leading zeros. */
  static Optional<List<String>> identifiers(String s, boolean normaliseNumbers) {
    List<String> out = new ArrayList<>();
    for (String id : s.split("\\.", -1)) {
      if (id.isEmpty()) {
        return Optional.empty();
      }
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (!Ascii.isAlnum(c) && c != '-') {
          return Optional.empty();
        }
      }
      out.add(normaliseNumbers && Ascii.allDigits(id) ? Ascii.number(id).toString() : id);
    }
    return Optional.of(out);
  }

  boolean isPrerelease() {
    return !pre.isEmpty();
  }

  boolean sameTuple(SemVer o) {
    return major.equals(o.major) && minor.equals(o.minor) && patch.equals(o.patch);
  }

  /** The clean form without build metadata, as node-semver's {@code clean} prints it. */
  @Override
  public String toString() {
    String core = major + "." + minor + "." + patch;
    return pre.isEmpty() ? core : core + "-" + String.join(".", pre);
  }

  /** SemVer 2.0.0 precedence (section 11): build metadata is ignored. */
  @Override
  public int compareTo(SemVer o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    return c != 0 ? c : comparePre(pre, o.pre);
  }

  private static int comparePre(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifier(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String x, String y) {
    boolean nx = Ascii.allDigits(x);
    boolean ny = Ascii.allDigits(y);
    if (nx && ny) {
      // Normalised numerals have no leading zeros, so length decides first.
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    if (nx != ny) {
      return nx ? -1 : 1;
    }
    return x.compareTo(y);
  }
}
