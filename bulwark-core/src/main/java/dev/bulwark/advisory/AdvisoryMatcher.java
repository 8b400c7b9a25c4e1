package dev.bulwark.advisory;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.PackageNames;
import dev.bulwark.version.Interval;
import dev.bulwark.version.InvalidVersionException;
import dev.bulwark.version.VersionRange;
import dev.bulwark.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides which candidate advisories affect a dependency: an exact version is affected when a
 * listed version equals it or a range interval contains it; an unpinned range is affected when
 * one of its allowed intervals overlaps an affected interval or allows a listed version.
 */
final class AdvisoryMatcher {
  private final RangeEvaluator ranges;

  AdvisoryMatcher(RangeEvaluator ranges) {
    this.ranges = ranges;
  }

  /** One affected advisory and the fixed versions its entries for this package name. */
  record Hit(StoredAdvisory advisory, List<String> fixed) {}

  /** What the dependency allows: one exact version, or a range ({@code unpinned}). */
  private record Wanted(
      boolean unpinned, String exact, List<Interval> intervals, Optional<VersionRange> range) {
    boolean allows(String version, VersionScheme scheme) {
      if (range.isPresent()) {
        return range.get().contains(version);
      }
      return intervals.stream().anyMatch(i -> i.contains(version, scheme));
    }
  }

  List<AdvisoryMatch> match(Dependency dep, List<StoredAdvisory> candidates, boolean withWithdrawn) {
    String name = PackageNames.normalize(dep.ecosystem(), dep.name());
    Wanted wanted = wanted(dep);
    List<Hit> hits = new ArrayList<>();
    for (StoredAdvisory c : candidates) {
      if (c.withdrawn() && !withWithdrawn) {
        continue;
      }
      List<String> fixed = new ArrayList<>();
      boolean affected = false;
      for (OsvAffected a : c.blob().affected()) {
        if (a.ecosystem() == dep.ecosystem() && a.name().equals(name)) {
          MatchCodec.Entry e = MatchCodec.Entry.of(a, ranges::schemeOf);
          if (affects(e, dep.ecosystem(), wanted)) {
            affected = true;
            fixed.addAll(e.fixed());
          }
        }
      }
      if (affected) {
        hits.add(new Hit(c, fixed));
      }
    }
    return AliasGroups.merge(hits, wanted.unpinned(), ranges.schemeOf(dep.ecosystem()));
  }

  /**
   * As {@link #match(Dependency, List, boolean)}, for rows of the lookup index: each row's entries
   * are evaluated first, and the rest of the row (ids, summary, references) is read only when one
   * of them affects the dependency.
   */
  List<AdvisoryMatch> matchStored(Dependency dep, List<MatchCodec.Reader> rows, boolean withWithdrawn)
      throws AdvisoryException {
    return matchStored(dep, probe(dep), rows, withWithdrawn);
  }

  /** As above, with the dependency's probe computed once by the caller. */
  List<AdvisoryMatch> matchStored(Dependency dep, MatchCodec.Probe probe, List<MatchCodec.Reader> rows,
      boolean withWithdrawn) throws AdvisoryException {
    List<Hit> hits = new ArrayList<>();
    for (MatchCodec.Reader row : rows) {
      if (row.withdrawn() && !withWithdrawn) {
        continue;
      }
      boolean[] affecting = row.affecting(probe);
      if (affecting != null) {
        MatchCodec.Rest rest = row.rest();
        List<String> fixed = new ArrayList<>();
        for (int k = 0; k < affecting.length; k++) {
          if (affecting[k]) {
            fixed.addAll(rest.fixed().get(k));
          }
        }
        hits.add(new Hit(rest.advisory(), fixed));
      }
    }
    return AliasGroups.merge(hits, probe.unpinned(), ranges.schemeOf(dep.ecosystem()));
  }

  /** What the dependency allows, as keys for comparing stored rows (see {@link #wanted}). */
  MatchCodec.Probe probe(Dependency dep) {
    Wanted w = wanted(dep);
    VersionScheme eco = ranges.schemeOf(dep.ecosystem());
    VersionScheme npm = ranges.schemeOf(dev.bulwark.model.Ecosystem.NPM);
    if (!w.unpinned()) {
      return MatchCodec.Probe.exact(w.exact(), eco, npm);
    }
    return MatchCodec.Probe.unpinned(w.intervals(), eco, npm, v -> w.allows(v, eco));
  }

  /** An empty version, pinned or not, means "any version": the dependency is reported unpinned. */
  private Wanted wanted(Dependency dep) {
    if (dep.version().isBlank()) {
      return new Wanted(true, "", List.of(Interval.ALL), Optional.empty());
    }
    if (!dep.unpinned()) {
      return new Wanted(false, dep.version().trim(), List.of(), Optional.empty());
    }
    try {
      VersionRange r = ranges.schemeOf(dep.ecosystem()).parseRange(dep.version());
      return new Wanted(true, "", r.intervals(), Optional.of(r));
    } catch (InvalidVersionException e) {
      // A range we cannot read could allow anything: report what any version would get.
      return new Wanted(true, "", List.of(Interval.ALL), Optional.empty());
    }
  }

  private boolean affects(MatchCodec.Entry a, dev.bulwark.model.Ecosystem ecosystem, Wanted w) {
    if (a.allVersions()) {
      return true;
    }
    VersionScheme eco = ranges.schemeOf(ecosystem);
    for (String v : a.versions()) {
      if (w.unpinned() ? w.allows(v, eco) : eco.compare(v, w.exact()) == 0) {
        return true;
      }
    }
    for (MatchCodec.Range r : a.ranges()) {
      VersionScheme s = r.semver() ? ranges.schemeOf(dev.bulwark.model.Ecosystem.NPM) : eco;
      for (Interval affected : r.intervals()) {
        if (w.unpinned()
            ? w.intervals().stream().anyMatch(allowed -> allowed.overlaps(affected, s))
            : affected.contains(w.exact(), s)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The versions in the scheme's order without the ones equal to an earlier one, as a
   * {@link TreeSet} ordered by the scheme holds them; a list already in strictly ascending order
   * (the usual stored order) is returned as it is, with one comparison per pair.
   */
  static List<String> sortedVersions(List<String> versions, VersionScheme scheme) {
    boolean ascending = true;
    for (int i = 1; i < versions.size() && ascending; i++) {
      ascending = scheme.compare(versions.get(i - 1), versions.get(i)) < 0;
    }
    if (ascending) {
      return List.copyOf(versions);
    }
    TreeSet<String> out = new TreeSet<>(scheme::compare);
    out.addAll(versions);
    return List.copyOf(out);
  }
}
