package dev.bulwark.analysis.ioc;

import java.util.Objects;

/**
 * An indicator found in text or matched by a lookup.
 *
 * @param ioc the indicator
 * @param start the offset of the first matched character in the scanned text (0 for lookups)
 * @param end the offset just after the last matched character (0 for lookups)
 */
public record IocHit(Ioc ioc, int start, int end) implements Comparable<IocHit> {
  public IocHit {
    Objects.requireNonNull(ioc, "ioc");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  static IocHit lookup(Ioc ioc) {
    return new IocHit(ioc, 0, 0);
  }

  @Override
  public int compareTo(IocHit o) {
    int c = Integer.compare(start, o.start);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(end, o.end);
    return c != 0 ? c : ioc.compareTo(o.ioc);
  }
}
