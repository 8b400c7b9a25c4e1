package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.ExtractionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the graph of a yarn classic lockfile. The lockfile does not say what the project itself
 * depends on; that comes from package.json beside it, and packages nothing depends on (such as
 * those of workspaces) are taken as direct.
 */
final class YarnClassic {
  private final LockfileInput input;
  private final Issues issues;

  YarnClassic(LockfileInput input, Issues issues) {
    this.input = input;
    this.issues = issues;
  }

  LockGraph read() throws ExtractionException {
    List<YarnClassicParser.Entry> entries = new YarnClassicParser(input, issues).parse();
    Optional<Manifest> manifest = Manifest.beside(input, "package.json", issues);
    LockGraph g = new LockGraph(input.displayPath(),
        manifest.map(Manifest::label).orElse("(root)"));
    Map<String, Integer> bySpec = new HashMap<>();
    List<Map.Entry<Integer, YarnClassicParser.Entry>> added = new ArrayList<>();
    for (YarnClassicParser.Entry e : entries) {
      Optional<LockGraph.Pkg> pkg = pkg(e);
      if (pkg.isEmpty()) {
        continue;
      }
      int node = g.add(pkg.get());
      added.add(Map.entry(node, e));
      for (String spec : e.specifiers()) {
        if (bySpec.putIfAbsent(spec, node) != null) {
          issues.add("duplicate-key", "specifier \"" + spec + "\" appears in more than one entry;"
              + " the first one is used", e.line());
        }
      }
    }
    for (Map.Entry<Integer, YarnClassicParser.Entry> a : added) {
      edges(g, bySpec, a.getKey(), a.getValue().blocks().get("dependencies"), LockGraph.Edge.PROD);
      edges(g, bySpec, a.getKey(), a.getValue().blocks().get("optionalDependencies"),
          LockGraph.Edge.OPTIONAL);
    }
    for (Manifest.Decl d : manifest.map(Manifest::declared).orElse(List.of())) {
      Integer target = bySpec.get(d.name() + "@" + d.spec());
      if (target != null) {
        g.edge(LockGraph.ROOT, target, d.kind());
      }
    }
    g.linkUnreferenced();
    return g;
  }

  private static void edges(LockGraph g, Map<String, Integer> bySpec, int from,
      Map<String, String> deps, LockGraph.Edge kind) {
    if (deps == null) {
      return;
    }
    deps.forEach((name, range) -> {
      Integer target = bySpec.get(name + "@" + range);
      if (target != null) {
        g.edge(from, target, kind);
      }
    });
  }

  private Optional<LockGraph.Pkg> pkg(YarnClassicParser.Entry e) {
    Optional<NpmSpecs.NameRef> first = NpmSpecs.split(e.specifiers().get(0));
    String version = e.fields().getOrDefault("version", "");
    if (first.isEmpty() || version.isEmpty()) {
      issues.add("bad-entry", "entry \"" + e.specifiers().get(0) + "\" has no name@range or no"
          + " version; skipped", e.line());
      return Optional.empty();
    }
    String name = first.get().name();
    String range = first.get().ref();
    Optional<NpmSpecs.NameRef> alias = NpmSpecs.alias(range);
    if (alias.isPresent()) {
      name = alias.get().name();
      range = alias.get().ref();
    }
    String resolved = NpmSpecs.redact(e.fields().getOrDefault("resolved", ""));
    DependencySource source = NpmSpecs.sourceOfSpec(range);
    if (source == DependencySource.REGISTRY) {
      source = NpmSpecs.sourceOfResolved(resolved);
    }
    return Optional.of(new LockGraph.Pkg(name, version, source, resolved,
        e.fields().getOrDefault("integrity", ""), e.line(), Optional.empty(), Optional.empty()));
  }
}
