package dev.bulwark.version;

import java.util.Objects;

/**
 * An interval of versions. An empty bound string means unbounded on that side.
 *
 * @param lower the lower bound, "" for none
 * @param lowerInclusive whether the lower bound is included
 * @param upper the upper bound, "" for none
 * @param upperInclusive whether the upper bound is included
 */
public record Interval(String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {
  public Interval {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
  }

  public static final Interval ALL = new Interval("", false, "", false);

  public static Interval exactly(String v) {
    return new Interval(v, true, v, true);
  }

  /** True when some version lies in both intervals, under the scheme's order. */
  public boolean overlaps(Interval o, VersionScheme s) {
    return below(lower, lowerInclusive, o.upper, o.upperInclusive, s)
        && below(o.lower, o.lowerInclusive, upper, upperInclusive, s);
  }

  /** True when the given version lies in this interval. */
  public boolean contains(String v, VersionScheme s) {
    if (!lower.isEmpty()) {
      int c = s.compare(v, lower);
      if (c < 0 || (c == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (!upper.isEmpty()) {
      int c = s.compare(v, upper);
      return c < 0 || (c == 0 && upperInclusive);
    }
    return true;
  }

  private static boolean below(String lo, boolean loInc, String hi, boolean hiInc, VersionScheme s) {
    if (lo.isEmpty() || hi.isEmpty()) {
      return true;
    }
    int c = s.compare(lo, hi);
    return c < 0 || (c == 0 && loInc && hiInc);
  }
}
