package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * yarn Berry (v2 and later) lockfiles: YAML with a "__metadata" entry, keys listing descriptors
 * ("lodash@npm:^4.17.0, lodash@npm:^4.17.21") and a "resolution" per entry. The root workspace
 * ("name@workspace:.") is the graph root; other workspaces are importers. Dev dependencies are not
 * in the lockfile, so they are read from the workspaces' package.json files when present.
 */
final class YarnBerry {
  /** Workspace package.json files read at most, to bound the I/O per lockfile. */
  static final int MAX_MANIFESTS = 200;
  static final String CHECKSUM_PREFIX = "yarn-checksum:";

  private final LockfileInput input;
  private final Issues issues;
  private final Map<String, Integer> byDescriptor = new java.util.LinkedHashMap<>();
  private final Map<Integer, Tree.Obj> entries = new HashMap<>();
  private final Map<Integer, String> workspacePaths = new HashMap<>();
  private Tree.Obj rootEntry = new Tree.Obj(Map.of(), 0);
  private String rootName = "";

  YarnBerry(LockfileInput input, Issues issues) {
    this.input = input;
    this.issues = issues;
  }

  LockGraph read(Tree.Obj doc) {
    List<Map.Entry<Tree.Obj, String>> pending = new ArrayList<>();
    for (Map.Entry<String, Tree> e : doc.fields().entrySet()) {
      if (e.getKey().equals("__metadata")) {
        continue;
      }
      if (!(e.getValue() instanceof Tree.Obj entry) || entry.text("resolution").isEmpty()
          || entry.text("version").isEmpty()) {
        issues.add("bad-entry", "entry \"" + e.getKey() + "\" has no resolution or version;"
            + " skipped", e.getValue().line());
        continue;
      }
      pending.add(Map.entry(entry, e.getKey()));
    }
    Optional<Manifest> manifest = Manifest.beside(input, "package.json", issues);
    for (Map.Entry<Tree.Obj, String> p : pending) {
      if (p.getKey().text("resolution").orElse("").endsWith("@workspace:.")) {
        rootEntry = p.getKey();
        rootName = NpmSpecs.split(rootEntry.text("resolution").get()).map(NpmSpecs.NameRef::name)
            .orElse("");
      }
    }
    String label = manifest.filter(m -> !m.name().isEmpty()).map(Manifest::label)
        .orElse(rootName.isEmpty() ? "(root)" : rootName);
    LockGraph g = new LockGraph(input.displayPath(), label);
    for (Map.Entry<Tree.Obj, String> p : pending) {
      add(g, p.getKey(), p.getValue());
    }
    edges(g, LockGraph.ROOT, rootEntry, devNames(manifest));
    int reads = 0;
    patchBases(g);
    for (Map.Entry<Integer, Tree.Obj> e : entries.entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      Set<String> dev = Set.of();
      String ws = workspacePaths.get(e.getKey());
      if (ws != null && Manifest.safeFolder(ws) && reads++ < MAX_MANIFESTS) {
        dev = devNames(Manifest.beside(input, ws + "/package.json", issues));
      }
      edges(g, e.getKey(), e.getValue(), dev);
    }
    g.linkUnreferenced();
    return g;
  }

  /** A patched package depends on the package it patches ("a@patch:a@npm%3A^1#..." on a@npm:^1). */
  private void patchBases(LockGraph g) {
    byDescriptor.forEach((descriptor, node) -> NpmSpecs.split(descriptor)
        .filter(nr -> nr.ref().startsWith("patch:"))
        .ifPresent(nr -> {
          String inner = nr.ref().substring("patch:".length());
          int hash = inner.indexOf('#');
          try {
            inner = URLDecoder.decode(hash < 0 ? inner : inner.substring(0, hash),
                StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return;
          }
          Integer base = byDescriptor.get(inner);
          if (base != null) {
            g.edge(node, base, LockGraph.Edge.PROD);
          }
        }));
  }

  private void add(LockGraph g, Tree.Obj entry, String key) {
    if (entry == rootEntry) {
      return;
    }
    String resolution = entry.text("resolution").orElse("");
    Optional<NpmSpecs.NameRef> nr = NpmSpecs.split(resolution);
    if (nr.isEmpty()) {
      issues.add("bad-entry", "resolution \"" + resolution + "\" is not name@reference; skipped",
          entry.line());
      return;
    }
    String ref = underlying(nr.get().ref());
    DependencySource source = NpmSpecs.sourceOfSpec(ref);
    String resolved = source == DependencySource.GIT || source == DependencySource.URL
        ? NpmSpecs.redact(ref) : "";
    String checksum = entry.text("checksum").map(c -> CHECKSUM_PREFIX + c).orElse("");
    int node = g.add(new LockGraph.Pkg(nr.get().name(), entry.text("version").get(), source,
        resolved, checksum, entry.line(), Optional.empty(), Optional.empty()));
    entries.put(node, entry);
    if (source == DependencySource.WORKSPACE) {
      g.workspace(node);
      workspacePaths.put(node, ref.substring("workspace:".length()));
    }
    for (String d : key.split(",")) {
      byDescriptor.putIfAbsent(d.strip(), node);
    }
  }

  /** For "patch:" resolutions, the reference of the package that is patched. */
  static String underlying(String ref) {
    String r = ref;
    for (int i = 0; i < 3 && r.startsWith("patch:"); i++) {
      int hash = r.indexOf('#');
      String inner = r.substring("patch:".length(), hash < 0 ? r.length() : hash);
      try {
        inner = URLDecoder.decode(inner, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return r;
      }
      r = NpmSpecs.split(inner).map(NpmSpecs.NameRef::ref).orElse(inner);
    }
    return r;
  }

  private void edges(LockGraph g, int from, Tree.Obj entry, Set<String> devNames) {
    Optional<Tree.Obj> meta = entry.obj("dependenciesMeta");
    entry.obj("dependencies").ifPresent(deps -> deps.fields().forEach((name, range) -> {
      String r = range.asText().orElse("");
      Integer target = byDescriptor.get(name + "@" + r);
      if (target == null) {
        target = byDescriptor.get(name + "@npm:" + r);
      }
      if (target != null) {
        boolean optional = meta.flatMap(m -> m.obj(name)).map(o -> o.flag("optional"))
            .orElse(false);
        g.edge(from, target, optional ? LockGraph.Edge.OPTIONAL
            : devNames.contains(name) ? LockGraph.Edge.DEV : LockGraph.Edge.PROD);
      }
    }));
  }

  /** Names only in devDependencies of a package.json. */
  private static Set<String> devNames(Optional<Manifest> m) {
    Set<String> dev = new HashSet<>();
    Set<String> other = new HashSet<>();
    m.ifPresent(man -> man.declared().forEach(d ->
        (d.kind() == LockGraph.Edge.DEV ? dev : other).add(d.name())));
    dev.removeAll(other);
    return dev;
  }
}
