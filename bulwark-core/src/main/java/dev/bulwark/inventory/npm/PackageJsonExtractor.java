package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * package.json read as a manifest, when no lockfile sits beside it: every declared dependency is
 * unpinned, with the range as written. publishConfig registries are recorded as package sources.
 */
final class PackageJsonExtractor implements LockfileExtractor {
  static final String ID = "npm/package-json";

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
    return fileName.equals("package.json");
  }

  @Override
  public boolean isManifest() {
    return true;
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    return Guard.run(input, () -> {
      Issues issues = new Issues(input.displayPath());
      Tree.Obj root = JsonTrees.parseObject(input, false, issues);
      Manifest m = Manifest.of(root, issues);
      List<Dependency> deps = new ArrayList<>();
      for (Manifest.Decl d : m.declared()) {
        deps.add(dependency(input.displayPath(), m, d, root));
      }
      deps.sort(Comparator.comparingInt((Dependency d) -> d.location().line())
          .thenComparing(Dependency::name));
      return new Inventory(input.displayPath(), ID, Ecosystem.NPM, deps,
          sources(root, issues), issues.sorted());
    });
  }

  private static Dependency dependency(String file, Manifest m, Manifest.Decl d, Tree.Obj root) {
    String name = d.name();
    String range = d.spec().strip();
    Optional<NpmSpecs.NameRef> alias = NpmSpecs.alias(range);
    if (alias.isPresent()) {
      name = alias.get().name();
      range = alias.get().ref();
    }
    DependencySource source = NpmSpecs.sourceOfSpec(range);
    if (source == DependencySource.GIT || source == DependencySource.URL) {
      range = NpmSpecs.redact(range);
    }
    String resolved = source == DependencySource.GIT || source == DependencySource.URL
        ? range : "";
    boolean peerOptional = d.kind() == LockGraph.Edge.PEER && root.obj("peerDependenciesMeta")
        .flatMap(meta -> meta.obj(d.name())).map(o -> o.flag("optional")).orElse(false);
    return new Dependency(Ecosystem.NPM, name, range, true, true,
        d.kind() == LockGraph.Edge.DEV, d.kind() == LockGraph.Edge.OPTIONAL || peerOptional,
        source, resolved, "", SourceLocation.of(file, d.line()),
        List.of(m.label(), NpmSpecs.label(name, range)));
  }

  /** publishConfig.registry and publishConfig["@scope:registry"]. */
  private static List<PackageSourceConfig> sources(Tree.Obj root, Issues issues) {
    List<PackageSourceConfig> out = new ArrayList<>();
    Optional<Tree.Obj> publish = root.obj("publishConfig");
    if (publish.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, Tree> e : publish.get().fields().entrySet()) {
      String key = e.getKey();
      boolean scoped = key.startsWith("@") && key.endsWith(":registry");
      if (!key.equals("registry") && !scoped) {
        continue;
      }
      Optional<String> url = e.getValue().asString();
      if (url.isEmpty()) {
        issues.add("bad-entry", "publishConfig." + key + " is not a string", e.getValue().line());
        continue;
      }
      out.add(new PackageSourceConfig(scoped ? "npm-scope-registry" : "npm-registry",
          NpmSpecs.redact(url.get()), issues.at(e.getValue().line())));
    }
    return out;
  }
}
