package dev.bulwark.version;

import java.util.List;

/** A set of versions allowed by a manifest range or specifier. */
public interface VersionRange {
  /** The text as written. */
  String spec();

  /** True when the range allows this exact version. */
  boolean contains(String version);

  /**
   * The allowed versions as a union of intervals. It may be a superset of what {@link #contains}
   * allows (for example it ignores "!=" holes and npm's prerelease rules), so an overlap test on
   * intervals is conservative: it never misses an affected version.
   */
  List<Interval> intervals();
}
