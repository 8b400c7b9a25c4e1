package dev.bulwark.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 440 version. {@code preLabel} is "" (none), "a", "b" or "rc"; {@code post} and {@code dev}
 * are empty when absent; {@code local} holds the lower-cased local segments.
 *
 * <p>Parsing is hand-written (no Java library implements PEP 440 correctly; see stack notes) and
 * accepts exactly the permissive spellings that PEP 440's normalisation section allows.
 */
record Pep440Version(
    BigInteger epoch,
    List<BigInteger> release,
    String preLabel,
    BigInteger preNumber,
    Optional<BigInteger> post,
    Optional<BigInteger> dev,
    List<String> local)
    implements Comparable<Pep440Version> {

  /** Longer strings are treated as invalid (legacy) versions. */
  static final int MAX_LENGTH = 1024;

  Pep440Version {
    release = List.copyOf(release);
    local = List.copyOf(local);
  }

  static Optional<Pep440Version> parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return new Pep440Parser(Ascii.lower(Ascii.stripPython(text))).parse();
  }

  boolean hasPre() {
    return !preLabel.isEmpty();
  }

  /** PEP 440 "pre-release": has a pre-release or a development release segment. */
  boolean isPrerelease() {
    return hasPre() || dev.isPresent();
  }

  boolean isPostrelease() {
    return post.isPresent();
  }

  /** The version without its local part. */
  Pep440Version publicVersion() {
    return new Pep440Version(epoch, release, preLabel, preNumber, post, dev, List.of());
  }

  /** The version a post-release is a post-release of: without post, dev and local parts. */
  Pep440Version postBase() {
    return new Pep440Version(epoch, release, preLabel, preNumber, Optional.empty(), Optional.empty(), List.of());
  }

  Pep440Version withDev(BigInteger n) {
    return new Pep440Version(epoch, release, preLabel, preNumber, post, Optional.of(n), local);
  }

  Pep440Version withPost(BigInteger n) {
    return new Pep440Version(epoch, release, preLabel, preNumber, Optional.of(n), dev, local);
  }

  static Pep440Version release(BigInteger epoch, List<BigInteger> release) {
    return new Pep440Version(epoch, release, "", BigInteger.ZERO, Optional.empty(), Optional.empty(), List.of());
  }

  /** The normalised form, e.g. "1!2.0rc1.post3.dev4+ubuntu.1". */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (epoch.signum() != 0) {
      b.append(epoch).append('!');
    }
    for (int i = 0; i < release.size(); i++) {
      b.append(i == 0 ? "" : ".").append(release.get(i));
    }
    if (hasPre()) {
      b.append(preLabel).append(preNumber);
    }
    post.ifPresent(p -> b.append(".post").append(p));
    dev.ifPresent(d -> b.append(".dev").append(d));
    if (!local.isEmpty()) {
      b.append('+').append(String.join(".", local));
    }
    return b.toString();
  }

  @Override
  public int compareTo(Pep440Version o) {
    int c = epoch.compareTo(o.epoch);
    if (c == 0) {
      c = compareRelease(release, o.release);
    }
    if (c == 0) {
      c = Integer.compare(preRank(), o.preRank());
    }
    if (c == 0 && hasPre()) {
      c = preNumber.compareTo(o.preNumber);
    }
    if (c == 0) {
      c = compareOptional(post, o.post, -1);
    }
    if (c == 0) {
      c = compareOptional(dev, o.dev, 1);
    }
    return c != 0 ? c : compareLocal(local, o.local);
  }

  /**
   * Orders the pre-release slot: a development release of the final version (no pre, no post)
   * comes first, then a, b, rc, then "no pre-release" last.
   */
  private int preRank() {
    if (!hasPre()) {
      return post.isEmpty() && dev.isPresent() ? 0 : 4;
    }
    return switch (preLabel) {
      case "a" -> 1;
      case "b" -> 2;
      default -> 3;
    };
  }

  /** Compares with zero padding: 1.0 equals 1.0.0. */
  private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** {@code absentSign} is where a missing value sorts: -1 before all numbers, 1 after. */
  private static int compareOptional(Optional<BigInteger> a, Optional<BigInteger> b, int absentSign) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get());
    }
    if (a.isPresent() == b.isPresent()) {
      return 0;
    }
    return a.isEmpty() ? absentSign : -absentSign;
  }

  /**
   * PEP 440 local ordering: segment by segment, numeric segments compare as numbers and sort after
   * alphanumeric ones, which compare as strings; a shorter prefix sorts first; no local sorts first.
   */
  private static int compareLocal(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean nx = Ascii.allDigits(x);
      boolean ny = Ascii.allDigits(y);
      int c;
      if (nx && ny) {
        c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      } else {
        c = nx != ny ? (nx ? 1 : -1) : x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static List<String> normaliseLocal(List<String> segments) {
    List<String> out = new ArrayList<>();
    for (String s : segments) {
      out.add(Ascii.allDigits(s) ? Ascii.number(s).toString() : s);
    }
    return out;
  }
}
