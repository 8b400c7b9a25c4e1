package dev.bulwark.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed npm range: a union ("||") of comparator sets, each an intersection of primitive
 * comparators. An empty set allows every release version.
 */
record NpmRange(String spec, List<List<NpmComparator>> sets) implements VersionRange {
  NpmRange {
    sets = sets.stream().map(List::copyOf).toList();
  }

  @Override
  public boolean contains(String version) {
    Optional<SemVer> v = SemVer.parse(version);
    return v.isPresent() && sets.stream().anyMatch(set -> matches(set, v.get()));
  }

  /**
   * npm's rule: every comparator must hold, and a prerelease version only matches when some
   * comparator in the same set names a prerelease of the same major.minor.patch.
   */
  static boolean matches(List<NpmComparator> set, SemVer v) {
    for (NpmComparator c : set) {
      if (!c.test(v)) {
        return false;
      }
    }
    if (!v.isPrerelease()) {
      return true;
    }
    return set.stream().anyMatch(c -> c.version().isPrerelease() && c.version().sameTuple(v));
  }

  /** One interval per satisfiable comparator set; prerelease rules are ignored (a superset). */
  @Override
  public List<Interval> intervals() {
    List<Interval> out = new ArrayList<>();
    for (List<NpmComparator> set : sets) {
      interval(set).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  private static Optional<Interval> interval(List<NpmComparator> set) {
    Optional<NpmComparator> lo = Optional.empty();
    Optional<NpmComparator> hi = Optional.empty();
    for (NpmComparator c : set) {
      if (c.isLowerBound() && (lo.isEmpty() || tighterLower(c, lo.get()))) {
        lo = Optional.of(c);
      }
      if (c.isUpperBound() && (hi.isEmpty() || tighterUpper(c, hi.get()))) {
        hi = Optional.of(c);
      }
    }
    if (lo.isPresent() && hi.isPresent()) {
      int c = lo.get().version().compareTo(hi.get().version());
      if (c > 0 || (c == 0 && !(lo.get().inclusive() && hi.get().inclusive()))) {
        return Optional.empty();
      }
    }
    return Optional.of(new Interval(
        lo.map(c -> c.version().toString()).orElse(""), lo.map(NpmComparator::inclusive).orElse(false),
        hi.map(c -> c.version().toString()).orElse(""), hi.map(NpmComparator::inclusive).orElse(false)));
  }

  private static boolean tighterLower(NpmComparator a, NpmComparator b) {
    int c = a.version().compareTo(b.version());
    return c > 0 || (c == 0 && !a.inclusive());
  }

  private static boolean tighterUpper(NpmComparator a, NpmComparator b) {
    int c = a.version().compareTo(b.version());
    return c < 0 || (c == 0 && !a.inclusive());
  }
}
