package dev.bulwark.audit;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @Override
  public List<AuditFinding> lookup(Dependency d) throws LookupException {
    String key = d.ecosystem() + "\u0000" + d.name() + "\u0000" + d.version() + "\u0000" + d.unpinned();
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
