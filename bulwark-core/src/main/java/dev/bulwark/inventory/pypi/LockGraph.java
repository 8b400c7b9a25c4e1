package dev.bulwark.inventory.pypi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of a lockfile, by normalised name. Gives paths from the roots (breadth
 * first, so each path is a shortest one) and which names are reachable from a set of roots.
 */
final class LockGraph {
  /** Longest dependency path kept, in items after the root label. */
  static final int MAX_PATH = 32;

  private final Map<String, String> versions = new LinkedHashMap<>();
  private final Map<String, Set<String>> edges = new HashMap<>();
  private int edgeCount;

  /** Adds a package (first version wins for path labels) and its dependency names. */
  void add(String name, String version, Collection<String> deps) {
    versions.putIfAbsent(name, version);
    Set<String> out = edges.computeIfAbsent(name, k -> new LinkedHashSet<>());
    for (String d : deps) {
      if (!d.equals(name) && out.add(d)) {
        edgeCount++;
      }
    }
  }

  boolean hasEdges() {
    return edgeCount > 0;
  }

  boolean contains(String name) {
    return versions.containsKey(name);
  }

  /**
   * Packages no other package depends on: the best guess at direct dependencies when the file
   * does not say. Empty when the file records no edges (then every package would qualify).
   */
  Set<String> inferredRoots() {
    if (!hasEdges()) {
      return Set.of();
    }
    Set<String> depended = new HashSet<>();
    edges.values().forEach(depended::addAll);
    Set<String> roots = new LinkedHashSet<>();
    for (String n : versions.keySet()) {
      if (!depended.contains(n)) {
        roots.add(n);
      }
    }
    return roots;
  }

  Set<String> reachable(Collection<String> roots) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String r : roots) {
      if (contains(r) && seen.add(r)) {
        queue.add(r);
      }
    }
    while (!queue.isEmpty()) {
      for (String d : edges.getOrDefault(queue.poll(), Set.of())) {
        if (contains(d) && seen.add(d)) {
          queue.add(d);
        }
      }
    }
    return seen;
  }

  /**
   * For every reachable name, a shortest path [rootLabel, root==v, ..., name==v]. Paths longer
   * than {@link #MAX_PATH} items keep the root label, "...", and the last items: a deep chain
   * would otherwise need memory quadratic in its length.
   */
  Map<String, List<String>> paths(Collection<String> roots, String rootLabel) {
    Map<String, String> parent = new HashMap<>();
    Map<String, Integer> depth = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String r : roots) {
      if (contains(r) && !depth.containsKey(r)) {
        depth.put(r, 1);
        queue.add(r);
      }
    }
    while (!queue.isEmpty()) {
      String n = queue.poll();
      for (String d : edges.getOrDefault(n, Set.of())) {
        if (contains(d) && !depth.containsKey(d)) {
          depth.put(d, depth.get(n) + 1);
          parent.put(d, n);
          queue.add(d);
        }
      }
    }
    Map<String, List<String>> paths = new HashMap<>();
    depth.forEach((name, dep) -> paths.put(name, pathOf(name, dep, parent, rootLabel)));
    return paths;
  }

  private List<String> pathOf(String name, int depth, Map<String, String> parent, String rootLabel) {
    int keep = Math.min(depth, MAX_PATH);
    String[] items = new String[keep];
    String n = name;
    for (int i = keep - 1; i >= 0; i--) {
      items[i] = item(n);
      n = parent.get(n);
    }
    List<String> out = new ArrayList<>(keep + 2);
    out.add(rootLabel);
    if (depth > keep) {
      out.add("...");
    }
    out.addAll(List.of(items));
    return List.copyOf(out);
  }

  private String item(String name) {
    String v = versions.get(name);
    return v.isEmpty() ? name : name + "==" + v;
  }

  /**
   * Sets direct, path, and (when the roots say which are dev or optional, and {@code keepFlags}
   * is false) the dev and optional flags of each dependency from the graph.
   */
  void apply(List<PyDep> deps, Optional<Manifest.Roots> given, String rootLabel, boolean keepFlags) {
    Optional<Manifest.Roots> known = given.filter(r -> !r.isEmpty());
    Manifest.Roots roots = known.orElse(Manifest.Roots.of(inferredRoots()));
    Set<String> direct = roots.all();
    Map<String, List<String>> paths = paths(direct, rootLabel);
    Set<String> main = reachable(roots.main());
    Set<String> dev = reachable(roots.dev());
    Set<String> optional = reachable(roots.optional());
    for (PyDep d : deps) {
      d.direct(direct.contains(d.name())).path(paths.getOrDefault(d.name(), List.of()));
      if (!keepFlags && known.isPresent() && !main.contains(d.name())) {
        d.dev(dev.contains(d.name()));
        d.optional(!dev.contains(d.name()) && optional.contains(d.name()));
      }
    }
  }
}
