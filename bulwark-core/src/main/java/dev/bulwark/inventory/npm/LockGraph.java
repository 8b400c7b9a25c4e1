package dev.bulwark.inventory.npm;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The packages of one lockfile and the edges between them. Node 0 is the root project. Computes,
 * in linear time, the shortest path from the root (breadth-first, edges in file order), whether a
 * package is direct, and whether it is reachable only through dev or optional edges.
 */
final class LockGraph {
  static final int ROOT = 0;
  /** Longest path kept; deeper paths keep the root, a "…" marker and the last items. */
  static final int MAX_PATH = 64;

  enum Edge { PROD, DEV, OPTIONAL, PEER }

  /** One package entry. Empty dev/optional means "compute from the graph". */
  record Pkg(String name, String version, DependencySource source, String resolved,
      String integrity, int line, Optional<Boolean> dev, Optional<Boolean> optional) {
    Pkg withSource(DependencySource s) {
      return new Pkg(name, version, s, resolved, integrity, line, dev, optional);
    }
  }

  private final String file;
  private final String rootLabel;
  private final List<Pkg> pkgs = new ArrayList<>();
  private final List<int[]> adjacency = new ArrayList<>();
  private final List<Integer> adjacencySize = new ArrayList<>();
  private final BitSet importers = new BitSet();

  LockGraph(String file, String rootLabel) {
    this.file = file;
    this.rootLabel = rootLabel;
    pkgs.add(null);
    adjacency.add(new int[4]);
    adjacencySize.add(0);
    importers.set(ROOT);
  }

  int add(Pkg p) {
    pkgs.add(p);
    adjacency.add(new int[4]);
    adjacencySize.add(0);
    return pkgs.size() - 1;
  }

  int size() {
    return pkgs.size();
  }

  Pkg pkg(int node) {
    return pkgs.get(node);
  }

  void replace(int node, Pkg p) {
    pkgs.set(node, p);
  }

  /** A workspace member: an importer whose own dependencies are direct, linked from the root. */
  void workspace(int node) {
    importers.set(node);
    edge(ROOT, node, Edge.PROD);
  }

  boolean isImporter(int node) {
    return importers.get(node);
  }

  void edge(int from, int to, Edge kind) {
    if (from == to || to <= ROOT) {
      return;
    }
    int[] a = adjacency.get(from);
    int n = adjacencySize.get(from);
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
      adjacency.set(from, a);
    }
    a[n] = to * 4 + kind.ordinal();
    adjacencySize.set(from, n + 1);
  }

  /**
   * Links from the root every package that nothing depends on. Used when the file does not say
   * what the root depends on (or not for every workspace): such packages must be wanted by the
   * project itself.
   */
  void linkUnreferenced() {
    BitSet referenced = new BitSet();
    for (int u = 0; u < pkgs.size(); u++) {
      int[] a = adjacency.get(u);
      for (int k = 0; k < adjacencySize.get(u); k++) {
        referenced.set(a[k] / 4);
      }
    }
    for (int v = 1; v < pkgs.size(); v++) {
      if (!referenced.get(v)) {
        edge(ROOT, v, Edge.PROD);
      }
    }
  }

  /** Every package except the root, sorted by line, name and version. */
  List<Dependency> dependencies() {
    int n = pkgs.size();
    int[] parent = new int[n];
    int[] dist = new int[n];
    bfs(parent, dist, -1);
    boolean[] prod = reach(Edge.DEV);
    boolean[] required = reach(Edge.OPTIONAL);
    boolean[] direct = new boolean[n];
    for (int u = importers.nextSetBit(0); u >= 0; u = importers.nextSetBit(u + 1)) {
      int[] a = adjacency.get(u);
      for (int k = 0; k < adjacencySize.get(u); k++) {
        direct[a[k] / 4] = true;
      }
    }
    String[] labels = new String[n];
    for (int v = 1; v < n; v++) {
      labels[v] = NpmSpecs.label(pkgs.get(v).name(), pkgs.get(v).version());
    }
    List<Dependency> out = new ArrayList<>(n);
    for (int v = 1; v < n; v++) {
      Pkg p = pkgs.get(v);
      boolean reached = parent[v] >= 0;
      boolean dev = p.dev().orElse(reached && !prod[v]);
      boolean optional = p.optional().orElse(reached && !required[v]);
      out.add(new Dependency(Ecosystem.NPM, p.name(), p.version(), false, direct[v], dev, optional,
          p.source(), p.resolved(), p.integrity(), SourceLocation.of(file, p.line()),
          reached ? path(v, parent, dist, labels) : List.of()));
    }
    out.sort(Comparator.comparingInt((Dependency d) -> d.location().line())
        .thenComparing(Dependency::name).thenComparing(Dependency::version));
    return out;
  }

  private void bfs(int[] parent, int[] dist, int excluded) {
    Arrays.fill(parent, -1);
    parent[ROOT] = ROOT;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(ROOT);
    while (!queue.isEmpty()) {
      int u = queue.poll();
      int[] a = adjacency.get(u);
      for (int k = 0; k < adjacencySize.get(u); k++) {
        int v = a[k] / 4;
        if (a[k] % 4 != excluded && parent[v] < 0) {
          parent[v] = u;
          dist[v] = dist[u] + 1;
          queue.add(v);
        }
      }
    }
  }

  private boolean[] reach(Edge excluded) {
    int n = pkgs.size();
    int[] parent = new int[n];
    bfs(parent, new int[n], excluded.ordinal());
    boolean[] r = new boolean[n];
    for (int i = 0; i < n; i++) {
      r[i] = parent[i] >= 0;
    }
    return r;
  }

  private List<String> path(int v, int[] parent, int[] dist, String[] labels) {
    int keep = Math.min(dist[v], MAX_PATH - 2);
    String[] tail = new String[keep];
    int u = v;
    for (int i = keep - 1; i >= 0; i--) {
      tail[i] = labels[u];
      u = parent[u];
    }
    List<String> path = new ArrayList<>(keep + 2);
    path.add(rootLabel);
    if (u != ROOT) {
      path.add("…");
    }
    path.addAll(Arrays.asList(tail));
    return path;
  }
}
