package dev.bulwark.audit;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks each distinct (ecosystem, name, version, unpinned) up once, and returns the findings
 * bound to the dependency occurrence asked about (its file, line and path). One per run: lockfiles
 * repeat the same package many times (nested node_modules copies, several lockfiles).
 */
public final class CachingLookup implements AdvisoryLookup {
  private final AdvisoryLookup inner;
  private final Map<String, List<AuditFinding>> cache = new ConcurrentHashMap<>();

  public CachingLookup(AdvisoryLookup inner) {
    this.inner = inner;
  }

  private static String key(Dependency d) {
    return d.ecosystem() + "\u0000" + d.name() + "\u0000" + d.version() + "\u0000" + d.unpinned();
  }

  /**
   * As {@link #lookup} for each dependency, in order; the ones not cached yet (first occurrences)
   * go to the inner lookup in one {@link AdvisoryLookup#lookupAll} call.
   */
  @Override
  public List<List<AuditFinding>> lookupAll(List<Dependency> deps) throws LookupException {
    List<String> keys = new ArrayList<>(deps.size());
    List<Dependency> misses = new ArrayList<>();
    Set<String> missed = new LinkedHashSet<>(); // in the order of misses
    for (Dependency d : deps) {
      String key = key(d);
      keys.add(key);
      if (!cache.containsKey(key) && missed.add(key)) {
        misses.add(d);
      }
    }
    List<List<AuditFinding>> found = misses.isEmpty() ? List.of() : inner.lookupAll(misses);
    int i = 0;
    for (String key : missed) {
      cache.put(key, found.get(i++));
    }
    List<List<AuditFinding>> out = new ArrayList<>(deps.size());
    Set<String> bound = new HashSet<>();
    for (i = 0; i < deps.size(); i++) {
      String key = keys.get(i);
      // The first occurrence of a miss was looked up for this very dependency: no copy.
      out.add(missed.contains(key) && bound.add(key) ? cache.get(key) : rebound(cache.get(key), deps.get(i)));
    }
    return out;
  }

  private static List<AuditFinding> rebound(List<AuditFinding> hit, Dependency d) {
    List<AuditFinding> out = new ArrayList<>(hit.size());
    for (AuditFinding f : hit) {
      out.add(f.withDependency(d));
    }
    return out;
  }

  @Override
  public List<AuditFinding> lookup(Dependency d) throws LookupException {
    String key = key(d);
    List<AuditFinding> hit = cache.get(key);
    if (hit == null) {
      hit = inner.lookup(d);
      cache.put(key, hit);
      return hit; // already bound to d: the first occurrence needs no copy
    }
    List<AuditFinding> out = new ArrayList<>(hit.size());
    for (AuditFinding f : hit) {
      out.add(f.withDependency(d));
    }
    return out;
  }
}
