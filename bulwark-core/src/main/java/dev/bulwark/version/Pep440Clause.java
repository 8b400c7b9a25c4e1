package dev.bulwark.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One PEP 440 version clause such as "~=1.4.5" or "!=2.*". {@code version} is the parsed operand
 * (for a prefix match only epoch and release are set; for "===" it is unused and "0" when the
 * operand is not a valid version); {@code text} is the operand as written, which "===" compares
 * literally.
 */
record Pep440Clause(Op op, Pep440Version version, boolean prefix, String text) {

  /** The operators, longest spelling first so that parsing can try them in order. */
  enum Op {
    ARBITRARY("==="), COMPATIBLE("~="), EQ("=="), NE("!="), LE("<="), GE(">="), LT("<"), GT(">");

    final String text;

    Op(String text) {
      this.text = text;
    }
  }

  /** The smallest valid PEP 440 version; only invalid strings sort below it. */
  static final String MIN_VALID = "0.dev0";

  /**
   * Exact PEP 440 semantics for a candidate, given parsed and as written; "===" compares the text
   * as written, ignoring case only, as packaging does.
   */
  boolean contains(Pep440Version v, String raw) {
    return switch (op) {
      case EQ -> prefix ? prefixMatch(v) : equalsMatch(v);
      case NE -> !(prefix ? prefixMatch(v) : equalsMatch(v));
      case COMPATIBLE -> v.publicVersion().compareTo(version) >= 0 && compatiblePrefix().prefixMatch(v);
      case LE -> v.publicVersion().compareTo(version) <= 0;
      case GE -> v.publicVersion().compareTo(version) >= 0;
      case LT -> v.compareTo(lessThanBound()) < 0;
      case GT -> greaterThan(v);
      case ARBITRARY -> containsRaw(raw);
    };
  }

  /** For candidates that are not valid PEP 440: only arbitrary equality can match them. */
  boolean containsRaw(String candidate) {
    return op == Op.ARBITRARY && text.equalsIgnoreCase(candidate);
  }

  private boolean equalsMatch(Pep440Version v) {
    Pep440Version candidate = version.local().isEmpty() ? v.publicVersion() : v;
    return candidate.compareTo(version) == 0;
  }

  /** "==1.2.*": same epoch, and the candidate's release, zero-padded, starts with 1.2. */
  private boolean prefixMatch(Pep440Version v) {
    if (!v.epoch().equals(version.epoch())) {
      return false;
    }
    List<BigInteger> want = version.release();
    for (int i = 0; i < want.size(); i++) {
      BigInteger have = i < v.release().size() ? v.release().get(i) : BigInteger.ZERO;
      if (!have.equals(want.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** "~=1.4.5" also requires "==1.4.*". */
  private Pep440Clause compatiblePrefix() {
    return new Pep440Clause(
        Op.EQ, Pep440Version.release(version.epoch(), dropLast(version.release())), true, "");
  }

  /**
   * "&lt;V" with V not a pre-release excludes the pre-releases from V.dev0 up, i.e. it is "&lt;V.dev0"
   * (packaging 26 reading of PEP 440: "1.0rc1" is not a pre-release of "1.0.post1").
   */
  private Pep440Version lessThanBound() {
    return version.isPrerelease() ? version : version.withDev(BigInteger.ZERO);
  }

  /**
   * "&gt;V" excludes post-releases of V itself (unless V is one) and local versions of V; a
   * post-release of V is one whose version without post, dev and local parts equals V.
   */
  private boolean greaterThan(Pep440Version v) {
    if (v.compareTo(version) <= 0) {
      return false;
    }
    if (!version.isPostrelease() && v.isPostrelease() && v.postBase().compareTo(version) == 0) {
      return false;
    }
    return v.local().isEmpty() || v.publicVersion().compareTo(version) != 0;
  }

  /** A superset of {@link #contains} as one interval; "!=" gives everything. */
  Interval interval() {
    String v = version.toString();
    return switch (op) {
      case EQ -> prefix ? prefixInterval(version.release()) : equalsInterval();
      case NE -> Interval.ALL;
      case COMPATIBLE -> new Interval(v, true, prefixInterval(dropLast(version.release())).upper(), false);
      case LE -> new Interval("", false, aboveLocals(version), false);
      case GE -> new Interval(v, true, "", false);
      case LT -> new Interval("", false, lessThanBound().toString(), false);
      case GT -> new Interval(v, false, "", false);
      case ARBITRARY -> Pep440Version.parse(text).isPresent()
          ? Interval.exactly(text)
          : new Interval("", false, MIN_VALID, false);
    };
  }

  /** "==V" also matches "V+anything" unless V has a local part itself. */
  private Interval equalsInterval() {
    return version.local().isEmpty()
        ? new Interval(version.toString(), true, aboveLocals(version), false)
        : Interval.exactly(version.toString());
  }

  /** "==1.2.*" is [1.2.dev0, 1.3.dev0). */
  private Interval prefixInterval(List<BigInteger> release) {
    return new Interval(lowestWithPrefix(release), true, lowestWithPrefix(bumped(release)), false);
  }

  private static List<BigInteger> dropLast(List<BigInteger> release) {
    return release.subList(0, release.size() - 1);
  }

  /** The lowest version whose zero-padded release starts with the given prefix: "E!P.dev0". */
  private String lowestWithPrefix(List<BigInteger> release) {
    return Pep440Version.release(version.epoch(), release).withDev(BigInteger.ZERO).toString();
  }

  private static List<BigInteger> bumped(List<BigInteger> release) {
    List<BigInteger> out = new ArrayList<>(release);
    out.set(out.size() - 1, out.get(out.size() - 1).add(BigInteger.ONE));
    return out;
  }

  /**
   * The smallest version above every "V+local": the next dev release if V has a dev part, else the
   * first dev release of the next post release.
   */
  static String aboveLocals(Pep440Version v) {
    Pep440Version p = v.publicVersion();
    if (p.dev().isPresent()) {
      return p.withDev(p.dev().get().add(BigInteger.ONE)).toString();
    }
    BigInteger nextPost = p.post().map(n -> n.add(BigInteger.ONE)).orElse(BigInteger.ZERO);
    return p.withPost(nextPost).withDev(BigInteger.ZERO).toString();
  }
}
