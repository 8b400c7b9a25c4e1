package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * lockfileVersion 1: a tree of "dependencies" objects. Each entry's "requires" names are found in
 * its own nested "dependencies", then in its parent's, up to the top. The root's direct
 * dependencies come from package.json beside the lockfile; without it, the top-level packages that
 * nothing requires are taken as direct.
 */
final class PackageLockNested {
  private final LockfileInput input;
  private final Issues issues;
  private final List<Pending> pending = new ArrayList<>();

  /** A scope of installed names; lookups walk to the parent. */
  private record Scope(Scope parent, Map<String, Integer> names) {
    int find(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        Integer n = s.names.get(name);
        if (n != null) {
          return n;
        }
      }
      return -1;
    }
  }

  private record Pending(int node, Scope scope, Tree.Obj entry) {}

  PackageLockNested(LockfileInput input, Issues issues) {
    this.input = input;
    this.issues = issues;
  }

  LockGraph read(Tree.Obj root) {
    Optional<Manifest> manifest = Manifest.beside(input, "package.json", issues);
    String label = manifest.map(Manifest::label).orElseGet(() -> root.str("name")
        .map(n -> NpmSpecs.label(n, root.str("version").orElse(""))).orElse("(root)"));
    LockGraph g = new LockGraph(input.displayPath(), label);
    Scope top = root.obj("dependencies").map(deps -> walk(g, deps, null))
        .orElse(new Scope(null, new HashMap<>()));
    for (Pending p : pending) {
      for (String group : List.of("requires", "optionalDependencies")) {
        LockGraph.Edge kind = group.equals("requires") ? LockGraph.Edge.PROD
            : LockGraph.Edge.OPTIONAL;
        p.entry().obj(group).ifPresent(req -> req.fields().keySet().forEach(name -> {
          int target = p.scope().find(name);
          if (target > 0) {
            g.edge(p.node(), target, kind);
          }
        }));
      }
    }
    for (Manifest.Decl d : manifest.map(Manifest::declared).orElse(List.of())) {
      int target = top.find(d.name());
      if (target > 0) {
        g.edge(LockGraph.ROOT, target, d.kind());
      }
    }
    g.linkUnreferenced();
    return g;
  }

  /** Adds the packages of one "dependencies" object and returns the scope they form. */
  private Scope walk(LockGraph g, Tree.Obj deps, Scope parent) {
    Scope scope = new Scope(parent, new HashMap<>());
    List<Map.Entry<Integer, Tree.Obj>> children = new ArrayList<>();
    for (Map.Entry<String, Tree> e : deps.fields().entrySet()) {
      if (!(e.getValue() instanceof Tree.Obj entry)) {
        issues.add("bad-entry", "entry \"" + e.getKey() + "\" is not an object; skipped",
            e.getValue().line());
        continue;
      }
      Optional<String> version = entry.str("version");
      if (version.isEmpty() || entry.wrongType("resolved", Tree.Val.class, Tree.Kind.STRING)
          || entry.wrongType("integrity", Tree.Val.class, Tree.Kind.STRING)) {
        issues.add("bad-entry", "entry \"" + e.getKey() + "\" has no version string or a field"
            + " of the wrong type; skipped", entry.line());
        continue;
      }
      int node = g.add(pkg(e.getKey(), version.get(), entry));
      scope.names().put(e.getKey(), node);
      children.add(Map.entry(node, entry));
    }
    for (Map.Entry<Integer, Tree.Obj> c : children) {
      Optional<Tree.Obj> nested = c.getValue().obj("dependencies");
      Scope own = nested.isPresent() ? walk(g, nested.get(), scope) : scope;
      pending.add(new Pending(c.getKey(), own, c.getValue()));
    }
    return scope;
  }

  private LockGraph.Pkg pkg(String key, String version, Tree.Obj entry) {
    String name = key;
    String ver = version;
    Optional<NpmSpecs.NameRef> alias = NpmSpecs.alias(version);
    if (alias.isPresent()) {
      name = alias.get().name();
      ver = alias.get().ref();
    }
    String resolved = NpmSpecs.redact(entry.str("resolved").orElse(""));
    DependencySource source = NpmSpecs.sourceOfSpec(ver);
    if (source == DependencySource.REGISTRY) {
      source = NpmSpecs.sourceOfResolved(resolved);
    } else if (resolved.isEmpty() && source != DependencySource.FILE) {
      resolved = NpmSpecs.redact(ver);
    }
    return new LockGraph.Pkg(name, ver, source, resolved, entry.str("integrity").orElse(""),
        entry.line(), Optional.of(entry.flag("dev")), Optional.of(entry.flag("optional")));
  }
}
