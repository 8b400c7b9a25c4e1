package dev.bulwark.report;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The CycloneDX dependency graph, from each dependency's path from the root. */
final class CycloneDxGraph {
  private CycloneDxGraph() {}

  static List<org.cyclonedx.model.Dependency> edges(Collection<Dependency> deps, String rootRef) {
    Map<String, String> refByNameVersion = new HashMap<>();
    for (Dependency d : deps) {
      refByNameVersion.put(d.name() + "@" + d.version(), d.purl());
      if (d.ecosystem() == Ecosystem.PYPI) {
        refByNameVersion.put(d.name() + "==" + d.version(), d.purl());
      }
    }
    Map<String, Set<String>> children = new TreeMap<>();
    children.put(rootRef, new TreeSet<>());
    for (Dependency d : deps) {
      children.computeIfAbsent(d.purl(), k -> new TreeSet<>());
      String parent = rootRef;
      if (d.path().size() >= 2) {
        parent = refByNameVersion.getOrDefault(d.path().get(d.path().size() - 2), rootRef);
      } else if (!d.direct()) {
        continue;
      }
      if (!parent.equals(d.purl())) {
        children.computeIfAbsent(parent, k -> new TreeSet<>()).add(d.purl());
      }
    }
    List<org.cyclonedx.model.Dependency> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : children.entrySet()) {
      org.cyclonedx.model.Dependency node = new org.cyclonedx.model.Dependency(e.getKey());
      for (String c : e.getValue()) {
        node.addDependency(new org.cyclonedx.model.Dependency(c));
      }
      out.add(node);
    }
    return out;
  }
}
