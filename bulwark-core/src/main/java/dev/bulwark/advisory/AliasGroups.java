package dev.bulwark.advisory;

import dev.bulwark.model.Severity;
import dev.bulwark.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Merges the advisories that affect one package into one match per issue: two advisories are the
 * same issue when their id sets (own id, aliases and related ids) share an id, transitively. The
 * primary id is chosen among the record ids and their aliases: a MAL- id first, then GHSA-,
 * PYSEC-, CVE-, then any other; ties go to the smallest id in string order.
 */
final class AliasGroups {
  private static final int MAX_REFERENCES = 20;

  private AliasGroups() {}

  static List<AdvisoryMatch> merge(
      List<AdvisoryMatcher.Hit> hits, boolean unpinned, VersionScheme scheme) {
    if (hits.size() <= 1) { // nothing to merge
      List<AdvisoryMatch> out = new ArrayList<>(1);
      if (!hits.isEmpty()) {
        out.add(single(hits.get(0), unpinned, scheme));
      }
      return out;
    }
    int n = hits.size();
    int[] parent = new int[n];
    Map<String, Integer> owner = new HashMap<>(n * 4);
    boolean shared = false;
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      StoredAdvisory a = hits.get(i).advisory();
      shared |= own(owner, parent, a.id(), i);
      for (String id : a.aliases()) {
        shared |= own(owner, parent, id, i);
      }
      for (String id : a.related()) {
        shared |= own(owner, parent, id, i);
      }
    }
    List<AdvisoryMatch> out = new ArrayList<>(n);
    if (!shared) { // every advisory is its own issue (the usual case): no grouping
      for (AdvisoryMatcher.Hit h : hits) {
        out.add(single(h, unpinned, scheme));
      }
    } else {
      Map<Integer, List<AdvisoryMatcher.Hit>> groups = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(hits.get(i));
      }
      for (List<AdvisoryMatcher.Hit> g : groups.values()) {
        out.add(combine(g, unpinned, scheme));
      }
    }
    // Groups share no id, so no two have the same primary id: the order is total.
    out.sort(AliasGroups::bySeverityThenId);
    return out;
  }

  /** Records that hit i owns the id; true when another hit owned it (the two are then joined). */
  private static boolean own(Map<String, Integer> owner, int[] parent, String id, int i) {
    Integer j = owner.putIfAbsent(id, i);
    if (j == null) {
      return false;
    }
    parent[find(parent, i)] = find(parent, j);
    return j != i;
  }

  private static int bySeverityThenId(AdvisoryMatch x, AdvisoryMatch y) {
    int c = x.severity().compareTo(y.severity());
    return c != 0 ? c : x.id().compareTo(y.id());
  }

  private static AdvisoryMatch combine(
      List<AdvisoryMatcher.Hit> group, boolean unpinned, VersionScheme scheme) {
    return group.size() == 1 ? single(group.get(0), unpinned, scheme) : combineAny(group, unpinned, scheme);
  }

  /** The general merge of a group of any size (package-private: a test holds {@link #single} to it). */
  static AdvisoryMatch combineAny(
      List<AdvisoryMatcher.Hit> group, boolean unpinned, VersionScheme scheme) {
    List<StoredAdvisory> records = new ArrayList<>();
    TreeSet<String> allIds = new TreeSet<>();
    TreeSet<String> primaryCandidates = new TreeSet<>();
    List<String> fixed = new ArrayList<>();
    TreeSet<String> refs = new TreeSet<>();
    for (AdvisoryMatcher.Hit h : group) {
      StoredAdvisory a = h.advisory();
      records.add(a);
      allIds.addAll(idsOf(a));
      primaryCandidates.add(a.id());
      primaryCandidates.addAll(a.aliases());
      fixed.addAll(h.fixed());
      refs.addAll(a.blob().references());
    }
    String primary = primaryCandidates.stream().min(AliasGroups::byPreference).orElseThrow();
    allIds.remove(primary);
    records.sort((x, y) -> byPreference(x.id(), y.id()));
    AdvisoryKind kind = records.stream().anyMatch(r -> r.kind() == AdvisoryKind.MALICIOUS)
        ? AdvisoryKind.MALICIOUS : AdvisoryKind.VULNERABILITY;
    Severity severity = records.stream().map(StoredAdvisory::severity).min(Comparator.naturalOrder())
        .orElse(Severity.UNKNOWN);
    OptionalDouble score = records.stream().filter(r -> r.score().isPresent())
        .mapToDouble(r -> r.score().getAsDouble()).max();
    String summary = records.stream().map(StoredAdvisory::summary).filter(s -> !s.isEmpty())
        .findFirst().orElse("");
    return new AdvisoryMatch(
        primary, List.copyOf(allIds), kind, severity, score, summary,
        List.copyOf(AdvisoryMatcher.sortedVersions(fixed, scheme)), unpinned,
        refs.stream().limit(MAX_REFERENCES).toList());
  }

  /**
   * {@link #combine} of a group of one advisory (nearly every match), the same result without the
   * streams and sets a merge needs: a dense audit builds tens of thousands of these.
   */
  static AdvisoryMatch single(AdvisoryMatcher.Hit h, boolean unpinned, VersionScheme scheme) {
    StoredAdvisory a = h.advisory();
    String primary = a.id();
    for (String alias : a.aliases()) {
      if (byPreference(alias, primary) < 0) {
        primary = alias;
      }
    }
    List<String> others = new ArrayList<>(a.aliases().size() + a.related().size() + 1);
    for (String id : idsOf(a)) {
      if (!id.equals(primary)) {
        others.add(id);
      }
    }
    AdvisoryKind kind = a.kind() == AdvisoryKind.MALICIOUS ? AdvisoryKind.MALICIOUS : AdvisoryKind.VULNERABILITY;
    List<String> refs = sortedDistinct(a.blob().references());
    if (refs.size() > MAX_REFERENCES) {
      refs = refs.subList(0, MAX_REFERENCES);
    }
    List<String> fixed = h.fixed().size() <= 1 ? h.fixed()
        : List.copyOf(AdvisoryMatcher.sortedVersions(h.fixed(), scheme));
    return new AdvisoryMatch(
        primary, sortedDistinct(others), kind, a.severity(), a.score(), a.summary(),
        fixed, unpinned, List.copyOf(refs));
  }

  /**
   * The strings sorted and without repeats, as a TreeSet would give them; a list already in
   * strictly ascending order (the usual stored order) is returned as it is, without a set.
   */
  static List<String> sortedDistinct(List<String> xs) {
    for (int i = 1; i < xs.size(); i++) {
      if (xs.get(i - 1).compareTo(xs.get(i)) >= 0) {
        return List.copyOf(new TreeSet<>(xs));
      }
    }
    return List.copyOf(xs);
  }

  private static List<String> idsOf(StoredAdvisory a) {
    List<String> ids = new ArrayList<>();
    ids.add(a.id());
    ids.addAll(a.aliases());
    ids.addAll(a.related());
    return ids;
  }

  static int rank(String id) {
    if (id.startsWith("MAL-")) {
      return 0;
    }
    if (id.startsWith("GHSA-")) {
      return 1;
    }
    if (id.startsWith("PYSEC-")) {
      return 2;
    }
    return id.startsWith("CVE-") ? 3 : 4;
  }

  static int byPreference(String a, String b) {
    int c = Integer.compare(rank(a), rank(b));
    return c != 0 ? c : a.compareTo(b);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
