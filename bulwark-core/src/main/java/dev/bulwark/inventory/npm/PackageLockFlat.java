package dev.bulwark.inventory.npm;

import dev.bulwark.model.DependencySource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * lockfileVersion 2 and 3: "packages" keyed by install location ("" is the root,
 * "node_modules/a/node_modules/b" is b nested under a, "packages/x" a workspace or linked folder).
 * Dependencies are resolved the way Node resolves require(): the nearest node_modules upwards.
 */
final class PackageLockFlat {
  private static final String NM = "node_modules/";
  private final String file;
  private final Issues issues;
  private final Map<String, Integer> nodes = new HashMap<>();
  private final Map<String, Tree.Obj> links = new java.util.LinkedHashMap<>();
  private final Map<String, Integer> linkTargets = new HashMap<>();
  private final List<Map.Entry<String, Tree.Obj>> entries = new ArrayList<>();

  PackageLockFlat(String file, Issues issues) {
    this.file = file;
    this.issues = issues;
  }

  LockGraph read(Tree.Obj packages) {
    Tree.Obj rootEntry = packages.obj("").orElse(new Tree.Obj(Map.of(), 0));
    Manifest root = Manifest.of(rootEntry, issues);
    List<String> workspaces = workspaces(rootEntry);
    LockGraph g = new LockGraph(file, root.label());
    for (Map.Entry<String, Tree> e : packages.fields().entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      if (!(e.getValue() instanceof Tree.Obj entry)) {
        issues.add("bad-entry", "entry \"" + e.getKey() + "\" is not an object; skipped",
            e.getValue().line());
        continue;
      }
      if (entry.flag("link")) {
        links.put(e.getKey(), entry);
        continue;
      }
      addPackage(g, e.getKey(), entry, workspaces);
    }
    links.forEach((path, entry) -> linkTargets.put(path, nodes.computeIfAbsent(
        entry.str("resolved").orElse(""), target -> g.add(new LockGraph.Pkg(nameFromPath(path),
            "", DependencySource.LINK, "", "", entry.line(), Optional.empty(),
            Optional.empty())))));
    addEdges(g, "", LockGraph.ROOT, root);
    if (packages.get("").isEmpty()) {
      g.linkUnreferenced();
    }
    for (Map.Entry<String, Tree.Obj> e : entries) {
      int node = nodes.get(e.getKey());
      addEdges(g, e.getKey(), node, Manifest.of(e.getValue(), issues));
    }
    return g;
  }

  private void addPackage(LockGraph g, String path, Tree.Obj entry, List<String> workspaces) {
    if (badTypes(path, entry)) {
      return;
    }
    String name = entry.str("name").orElse(nameFromPath(path));
    if (name.isEmpty()) {
      issues.add("bad-entry", "cannot tell the package name of \"" + path + "\"; skipped",
          entry.line());
      return;
    }
    boolean installed = path.startsWith(NM) || path.contains("/" + NM);
    boolean workspace = !installed && Workspaces.matches(workspaces, path);
    String resolved = NpmSpecs.redact(entry.str("resolved").orElse(""));
    DependencySource source = installed ? NpmSpecs.sourceOfResolved(resolved)
        : workspace ? DependencySource.WORKSPACE : DependencySource.LINK;
    if (entry.flag("inBundle") && resolved.isEmpty()) {
      source = DependencySource.REGISTRY;
    }
    boolean devOptional = entry.flag("devOptional");
    int node = g.add(new LockGraph.Pkg(name, entry.str("version").orElse(""), source,
        installed ? resolved : "", entry.str("integrity").orElse(""), entry.line(),
        Optional.of(entry.flag("dev")), Optional.of(entry.flag("optional") || devOptional)));
    nodes.put(path, node);
    entries.add(Map.entry(path, entry));
    if (workspace) {
      g.workspace(node);
    }
  }

  private boolean badTypes(String path, Tree.Obj entry) {
    for (String key : List.of("version", "resolved", "integrity", "name")) {
      if (entry.wrongType(key, Tree.Val.class, Tree.Kind.STRING)) {
        issues.add("bad-entry", "\"" + key + "\" of \"" + path + "\" is not a string; entry"
            + " skipped", entry.get(key).get().line());
        return true;
      }
    }
    return false;
  }

  private void addEdges(LockGraph g, String from, int node, Manifest m) {
    boolean importer = node == LockGraph.ROOT || g.isImporter(node);
    for (Manifest.Decl d : m.declared()) {
      if (d.kind() == LockGraph.Edge.DEV && !importer) {
        continue;
      }
      int target = resolve(from, d.name());
      if (target > 0) {
        g.edge(node, target, d.kind());
      }
    }
  }

  /** The node that {@code name} means when required from the package at {@code from}. */
  private int resolve(String from, String name) {
    String base = from;
    while (true) {
      if (!base.endsWith("node_modules")) {
        String candidate = (base.isEmpty() ? "" : base + "/") + NM + name;
        Integer n = nodes.get(candidate);
        if (n == null) {
          n = linkTargets.get(candidate);
        }
        if (n != null) {
          return n;
        }
      }
      if (base.isEmpty()) {
        return -1;
      }
      int slash = base.lastIndexOf('/');
      base = slash < 0 ? "" : base.substring(0, slash);
    }
  }

  static String nameFromPath(String path) {
    int i = path.lastIndexOf(NM);
    String tail = i < 0 ? path.substring(path.lastIndexOf('/') + 1) : path.substring(i + NM.length());
    return tail.equals("..") || tail.equals(".") ? "" : tail;
  }

  private static List<String> workspaces(Tree.Obj rootEntry) {
    Optional<Tree.Arr> arr = rootEntry.arr("workspaces")
        .or(() -> rootEntry.obj("workspaces").flatMap(o -> o.arr("packages")));
    List<String> out = new ArrayList<>();
    arr.ifPresent(a -> a.items().forEach(t -> t.asString().ifPresent(out::add)));
    return out;
  }
}
