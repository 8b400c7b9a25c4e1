package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One document of a pnpm-lock.yaml. Importers ("." and workspace folders, or the top-level
 * dependency maps before workspaces) give the direct dependencies; 5.x/6.x "packages" and 9.x
 * "snapshots" (with metadata in "packages") are the installed packages.
 */
final class PnpmLock {
  private static final Map<String, LockGraph.Edge> GROUPS = Map.of(
      "dependencies", LockGraph.Edge.PROD,
      "devDependencies", LockGraph.Edge.DEV,
      "optionalDependencies", LockGraph.Edge.OPTIONAL);

  /** Workspace package.json files read at most, to bound the I/O per lockfile. */
  static final int MAX_MANIFESTS = 200;

  private final LockfileInput input;
  private final Issues issues;
  private final LockGraph g;
  private final PnpmKeys.Style style;
  private final Map<String, Integer> nodes = new HashMap<>();
  private final Map<String, Integer> importerNodes = new HashMap<>();
  private final Set<Integer> named = new HashSet<>();
  private final Map<String, Integer> links = new HashMap<>();

  PnpmLock(LockfileInput input, LockGraph g, PnpmKeys.Style style, Issues issues) {
    this.input = input;
    this.g = g;
    this.style = style;
    this.issues = issues;
  }

  void read(Tree.Obj doc) {
    Map<String, Tree.Obj> importers = importers(doc);
    int reads = 0;
    for (Map.Entry<String, Tree.Obj> imp : importers.entrySet()) {
      String id = imp.getKey();
      if (id.equals(".")) {
        continue;
      }
      Optional<Manifest> m = Manifest.safeFolder(id) && reads++ < MAX_MANIFESTS
          ? Manifest.beside(input, id + "/package.json", issues).filter(x -> !x.name().isEmpty())
          : Optional.empty();
      int node = g.add(new LockGraph.Pkg(m.map(Manifest::name).orElse(id),
          m.map(Manifest::version).orElse(""), DependencySource.WORKSPACE, "", "",
          imp.getValue().line(), Optional.empty(), Optional.empty()));
      g.workspace(node);
      importerNodes.put(id, node);
      if (m.isPresent()) {
        named.add(node);
      }
    }
    Map<Integer, Tree.Obj> depsOf = packages(doc);
    importers.forEach((id, imp) -> importerEdges(id, imp));
    depsOf.forEach((node, entry) -> {
      edges(node, entry, "dependencies", LockGraph.Edge.PROD);
      edges(node, entry, "optionalDependencies", LockGraph.Edge.OPTIONAL);
    });
  }

  /** Adds the installed packages; returns each node's entry that lists its dependencies. */
  private Map<Integer, Tree.Obj> packages(Tree.Obj doc) {
    Map<Integer, Tree.Obj> depsOf = new LinkedHashMap<>();
    Tree.Obj packages = doc.obj("packages").orElse(new Tree.Obj(Map.of(), 0));
    if (style == PnpmKeys.Style.V9) {
      Set<String> used = new HashSet<>();
      doc.obj("snapshots").ifPresent(snaps -> snaps.fields().forEach((key, snap) -> {
        String base = PnpmKeys.withoutPeers(key);
        Tree.Obj meta = packages.obj(base).orElse(new Tree.Obj(Map.of(), snap.line()));
        used.add(base);
        add(key, meta, snap).ifPresent(n -> depsOf.put(n, (Tree.Obj) snap));
      }));
      packages.fields().forEach((key, meta) -> {
        if (!used.contains(key)) {
          add(key, meta, meta);
        }
      });
    } else {
      packages.fields().forEach((key, entry) ->
          add(key, entry, entry).ifPresent(n -> depsOf.put(n, (Tree.Obj) entry)));
    }
    return depsOf;
  }

  private static Map<String, Tree.Obj> importers(Tree.Obj doc) {
    Map<String, Tree.Obj> out = new LinkedHashMap<>();
    Optional<Tree.Obj> imps = doc.obj("importers");
    if (imps.isPresent()) {
      imps.get().fields().forEach((id, t) -> t.asObj().ifPresent(o -> out.put(id, o)));
    } else {
      out.put(".", doc);
    }
    return out;
  }

  /** Adds one package; {@code meta} holds resolution and name, {@code flags} dev/optional. */
  private Optional<Integer> add(String key, Tree meta, Tree flags) {
    if (!(meta instanceof Tree.Obj m) || !(flags instanceof Tree.Obj f)
        || m.wrongType("resolution", Tree.Obj.class, Tree.Kind.STRING)) {
      issues.add("bad-entry", "entry \"" + key + "\" is not a mapping with a resolution mapping;"
          + " skipped", flags.line());
      return Optional.empty();
    }
    Optional<NpmSpecs.NameRef> fromKey = PnpmKeys.parse(key, style);
    String name = m.text("name").or(() -> fromKey.map(NpmSpecs.NameRef::name)).orElse("");
    String version = m.text("version").or(() -> fromKey.map(NpmSpecs.NameRef::ref)).orElse("");
    if (name.isEmpty() || version.isEmpty()) {
      issues.add("bad-entry", "cannot tell the name and version of \"" + key + "\"; skipped",
          m.line());
      return Optional.empty();
    }
    Tree.Obj res = m.obj("resolution").orElse(new Tree.Obj(Map.of(), 0));
    String resolved = "";
    DependencySource source = DependencySource.REGISTRY;
    if (res.text("type").orElse("").equals("git") || res.text("repo").isPresent()) {
      source = DependencySource.GIT;
      resolved = NpmSpecs.redact(res.text("repo").orElse("") + "#" + res.text("commit").orElse(""));
    } else if (res.text("tarball").isPresent()) {
      resolved = NpmSpecs.redact(res.text("tarball").get());
      source = NpmSpecs.sourceOfResolved(resolved);
    } else if (res.text("directory").isPresent()) {
      source = DependencySource.FILE;
    }
    int node = g.add(new LockGraph.Pkg(name, version, source, resolved,
        res.text("integrity").orElse(""), m.line(), f.optFlag("dev"),
        f.flag("optional") ? Optional.of(true) : Optional.empty()));
    nodes.put(key, node);
    return Optional.of(node);
  }

  private void importerEdges(String id, Tree.Obj imp) {
    int from = id.equals(".") ? LockGraph.ROOT : importerNodes.get(id);
    imp.fields().forEach((group, deps) -> {
      if (!group.endsWith("ependencies") || group.equals("peerDependencies")) {
        return;
      }
      LockGraph.Edge kind = GROUPS.getOrDefault(group, LockGraph.Edge.DEV);
      deps.asObj().ifPresent(d -> d.fields().forEach((name, spec) -> {
        Optional<String> ref = spec instanceof Tree.Obj o ? o.text("version") : spec.asText();
        ref.ifPresent(r -> target(id, name, r, spec.line()).ifPresent(t -> g.edge(from, t, kind)));
      }));
    });
  }

  private void edges(int from, Tree.Obj entry, String group, LockGraph.Edge kind) {
    entry.obj(group).ifPresent(d -> d.fields().forEach((name, ref) -> ref.asText()
        .flatMap(r -> target("", name, r, ref.line())).ifPresent(t -> g.edge(from, t, kind))));
  }

  /** The node a reference ("1.0.0", "1.0.0(peer@1)", "/real@1.0.0", "link:../a") stands for. */
  private Optional<Integer> target(String importer, String name, String ref, int line) {
    if (ref.startsWith("link:")) {
      return Optional.of(link(importer, name, ref.substring("link:".length()), line));
    }
    for (String key : PnpmKeys.candidates(name, ref, style)) {
      Integer n = nodes.get(key);
      if (n != null) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private int link(String importer, String name, String relative, int line) {
    Optional<String> path = PnpmKeys.resolvePath(importer, relative);
    Integer ws = path.map(importerNodes::get).orElse(null);
    if (ws != null) {
      if (named.add(ws)) {
        LockGraph.Pkg p = g.pkg(ws);
        g.replace(ws, new LockGraph.Pkg(name, "", p.source(), "", "", p.line(), p.dev(),
            p.optional()));
      }
      return ws;
    }
    String key = path.orElse(relative);
    return links.computeIfAbsent(key, k -> g.add(new LockGraph.Pkg(name, "",
        DependencySource.LINK, "", "", line, Optional.empty(), Optional.empty())));
  }
}
