package dev.bulwark.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 440 specifier set: comma-separated clauses that must all hold. An empty set allows every
 * version.
 *
 * <p>{@link #contains} applies each clause's PEP 440 comparison exactly and accepts pre-releases:
 * PEP 440's default exclusion of pre-releases is installer policy, and for vulnerability matching an
 * installed "2.0rc1" must still match "&lt;2.1".
 */
record Pep440Range(String spec, List<Pep440Clause> clauses) implements VersionRange {
  /** Longest specifier text accepted. */
  static final int MAX_SPEC_LENGTH = 16_384;

  Pep440Range {
    clauses = List.copyOf(clauses);
  }

  static Pep440Range parse(String spec) throws InvalidVersionException {
    if (spec.length() > MAX_SPEC_LENGTH) {
      throw new InvalidVersionException("PEP 440 specifier longer than " + MAX_SPEC_LENGTH + " characters");
    }
    List<Pep440Clause> clauses = new ArrayList<>();
    int start = 0;
    for (int comma = spec.indexOf(','); ; comma = spec.indexOf(',', start)) {
      String part = Ascii.stripPython(comma < 0 ? spec.substring(start) : spec.substring(start, comma));
      if (!part.isEmpty()) {
        clauses.add(clause(part, spec));
      }
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return new Pep440Range(spec, clauses);
  }

  private static Pep440Clause clause(String part, String spec) throws InvalidVersionException {
    Optional<Pep440Clause.Op> op = Arrays.stream(Pep440Clause.Op.values())
        .filter(o -> part.startsWith(o.text))
        .findFirst();
    if (op.isEmpty()) {
      throw invalid(spec);
    }
    String text = Ascii.stripPython(part.substring(op.get().text.length()));
    if (hasWhitespace(text)) {
      throw invalid(spec);
    }
    if (op.get() == Pep440Clause.Op.ARBITRARY) {
      // The operand may be any string (even empty) without ";" or ")", which end a requirement;
      // a parsed form is kept only when there is one.
      if (text.indexOf(';') >= 0 || text.indexOf(')') >= 0) {
        throw invalid(spec);
      }
      Pep440Version parsed = Pep440Version.parse(text)
          .orElse(Pep440Version.release(BigInteger.ZERO, List.of(BigInteger.ZERO)));
      return new Pep440Clause(op.get(), parsed, false, text);
    }
    boolean equality = op.get() == Pep440Clause.Op.EQ || op.get() == Pep440Clause.Op.NE;
    boolean prefix = equality && text.endsWith(".*");
    Pep440Version v = Pep440Version.parse(prefix ? text.substring(0, text.length() - 2) : text)
        .orElseThrow(() -> invalid(spec));
    boolean onlyRelease = !v.hasPre() && v.post().isEmpty() && v.dev().isEmpty() && v.local().isEmpty();
    if ((prefix && !onlyRelease)
        || (!v.local().isEmpty() && !equality)
        || (op.get() == Pep440Clause.Op.COMPATIBLE && v.release().size() < 2)) {
      throw invalid(spec);
    }
    return new Pep440Clause(op.get(), v, prefix, text);
  }

  private static boolean hasWhitespace(String s) {
    return s.chars().anyMatch(c -> Ascii.isPythonSpace((char) c));
  }

  private static InvalidVersionException invalid(String spec) {
    return new InvalidVersionException("not a PEP 440 version specifier: " + NpmRangeParser.clip(spec));
  }

  @Override
  public boolean contains(String version) {
    Optional<Pep440Version> v = Pep440Version.parse(version);
    if (v.isEmpty()) {
      return clauses.stream().allMatch(c -> c.containsRaw(version));
    }
    return clauses.stream().allMatch(c -> c.contains(v.get(), version));
  }

  /** The intersection of the clauses' intervals: one interval, or none when it is empty. */
  @Override
  public List<Interval> intervals() {
    Interval acc = Interval.ALL;
    for (Pep440Clause c : clauses) {
      acc = intersect(acc, c.interval());
    }
    return isEmpty(acc) ? List.of() : List.of(acc);
  }

  private static boolean isEmpty(Interval i) {
    if (i.lower().isEmpty() || i.upper().isEmpty()) {
      return false;
    }
    int c = Pep440VersionScheme.INSTANCE.compare(i.lower(), i.upper());
    return c > 0 || (c == 0 && !(i.lowerInclusive() && i.upperInclusive()));
  }

  private static Interval intersect(Interval a, Interval b) {
    VersionScheme s = Pep440VersionScheme.INSTANCE;
    boolean takeA = b.lower().isEmpty() || (!a.lower().isEmpty() && tighter(s.compare(a.lower(), b.lower()), a.lowerInclusive()));
    boolean takeAUpper = b.upper().isEmpty() || (!a.upper().isEmpty() && tighter(-s.compare(a.upper(), b.upper()), a.upperInclusive()));
    return new Interval(
        takeA ? a.lower() : b.lower(), takeA ? a.lowerInclusive() : b.lowerInclusive(),
        takeAUpper ? a.upper() : b.upper(), takeAUpper ? a.upperInclusive() : b.upperInclusive());
  }

  /** {@code c} &gt; 0 means a is tighter; on a tie the exclusive bound is tighter. */
  private static boolean tighter(int c, boolean aInclusive) {
    return c > 0 || (c == 0 && !aInclusive);
  }
}
