package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * bun.lock, bun's text lockfile: JSON with comments and trailing commas. "workspaces" gives each
 * workspace's declared dependencies; "packages" maps an install key ("qs", or "express/qs" for a
 * copy nested under express) to an array ["name@version", registry, {dependencies}, integrity].
 * The binary bun.lockb is not read.
 */
final class BunLockExtractor implements LockfileExtractor {
  static final String ID = "npm/bun-lock";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.NPM;
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.equals("bun.lock");
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    return Guard.run(input, () -> {
      Issues issues = new Issues(input.displayPath());
      Tree.Obj root = JsonTrees.parseObject(input, true, issues);
      if (root.get("lockfileVersion").isEmpty() || root.obj("packages").isEmpty()) {
        throw new ExtractionException(input.displayPath(), 1,
            "not a bun lockfile: no lockfileVersion or packages object");
      }
      LockGraph g = new Reader(input.displayPath(), issues).read(root);
      return new Inventory(input.displayPath(), ID, Ecosystem.NPM, g.dependencies(), List.of(),
          issues.sorted());
    });
  }

  /** Reads one bun.lock into a graph. */
  private static final class Reader {
    private final String file;
    private final Issues issues;
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<String, Integer> byWorkspacePath = new HashMap<>();
    private final Map<Integer, Tree.Obj> infos = new java.util.LinkedHashMap<>();
    private final Map<Integer, String> keys = new HashMap<>();

    Reader(String file, Issues issues) {
      this.file = file;
      this.issues = issues;
    }

    LockGraph read(Tree.Obj root) {
      Tree.Obj workspaces = root.obj("workspaces").orElse(new Tree.Obj(Map.of(), 0));
      // Only the label is used here; the root's problems are reported once, in workspace().
      Manifest rootWs = Manifest.of(workspaces.obj("").orElse(new Tree.Obj(Map.of(), 0)),
          new Issues(file));
      LockGraph g = new LockGraph(file, rootWs.label());
      root.obj("packages").get().fields().forEach((key, value) -> add(g, key, value));
      workspaces.fields().forEach((path, ws) -> ws.asObj().ifPresent(w -> workspace(g, path, w)));
      infos.forEach((node, info) -> {
        for (Manifest.Decl d : Manifest.of(info, issues).declared()) {
          if (d.kind() != LockGraph.Edge.DEV) {
            resolve(keys.get(node), d.name()).ifPresent(t -> g.edge(node, t, d.kind()));
          }
        }
      });
      return g;
    }

    /** One "workspaces" entry: "" is the root, others are workspace members. */
    private void workspace(LockGraph g, String path, Tree.Obj w) {
      Integer node = path.isEmpty() ? Integer.valueOf(LockGraph.ROOT) : byWorkspacePath.get(path);
      String version = w.str("version").orElse("");
      if (node == null) {
        node = g.add(new LockGraph.Pkg(w.str("name").orElse(path), version,
            DependencySource.WORKSPACE, "", "", w.line(), Optional.empty(), Optional.empty()));
      } else if (node != LockGraph.ROOT && g.pkg(node).version().isEmpty()) {
        LockGraph.Pkg p = g.pkg(node);
        g.replace(node, new LockGraph.Pkg(p.name(), version, p.source(), "", "", p.line(),
            p.dev(), p.optional()));
      }
      if (node != LockGraph.ROOT) {
        g.workspace(node);
      }
      String prefix = node == LockGraph.ROOT ? "" : keys.getOrDefault(node, "");
      for (Manifest.Decl d : Manifest.of(w, issues).declared()) {
        int from = node;
        resolve(prefix, d.name()).ifPresent(t -> g.edge(from, t, d.kind()));
      }
    }

    private void add(LockGraph g, String key, Tree value) {
      Optional<NpmSpecs.NameRef> ident = value instanceof Tree.Arr a && !a.items().isEmpty()
          ? a.items().get(0).asString().flatMap(NpmSpecs::split) : Optional.empty();
      if (ident.isEmpty()) {
        issues.add("bad-entry", "package \"" + key + "\" is not an array starting with"
            + " \"name@version\"; skipped", value.line());
        return;
      }
      List<Tree> items = ((Tree.Arr) value).items();
      String ref = ident.get().ref();
      DependencySource source = NpmSpecs.sourceOfSpec(ref);
      String version = ref;
      String resolved = "";
      String integrity = "";
      if (source == DependencySource.REGISTRY) {
        resolved = items.size() > 1 ? NpmSpecs.redact(items.get(1).asString().orElse("")) : "";
        integrity = items.size() > 3 ? items.get(3).asString().orElse("") : "";
      } else if (source == DependencySource.GIT || source == DependencySource.URL) {
        resolved = NpmSpecs.redact(ref);
      }
      Tree.Obj info = items.stream().skip(1).filter(Tree.Obj.class::isInstance)
          .map(Tree.Obj.class::cast).findFirst().orElse(new Tree.Obj(Map.of(), 0));
      if (source != DependencySource.REGISTRY) {
        version = info.str("version").orElse("");
      }
      int node = g.add(new LockGraph.Pkg(ident.get().name(), version, source, resolved, integrity,
          value.line(), Optional.empty(), Optional.empty()));
      byKey.put(key, node);
      keys.put(node, key);
      infos.put(node, info);
      if (source == DependencySource.WORKSPACE) {
        byWorkspacePath.put(ref.substring("workspace:".length()), node);
      }
    }

    /** The package {@code name} means from install key {@code from}: nearest nested copy first. */
    private Optional<Integer> resolve(String from, String name) {
      List<String> parts = new ArrayList<>(BunKeys.split(from));
      while (true) {
        String candidate = parts.isEmpty() ? name : String.join("/", parts) + "/" + name;
        Integer n = byKey.get(candidate);
        if (n != null) {
          return Optional.of(n);
        }
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      }
    }
  }
}
