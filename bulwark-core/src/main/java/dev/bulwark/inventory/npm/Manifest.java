package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a package.json that extractors need: name, version and declared dependencies.
 *
 * @param name the "name" field or ""
 * @param version the "version" field or ""
 * @param declared every declared dependency, in file order
 * @param tree the whole parsed file
 */
record Manifest(String name, String version, List<Decl> declared, Tree.Obj tree) {
  Manifest {
    declared = List.copyOf(declared);
  }

  /** One declared dependency ("lodash": "^4.17.4" under dependencies). */
  record Decl(String name, String spec, LockGraph.Edge kind, int line) {}

  private static final Map<String, LockGraph.Edge> GROUPS = Map.of(
      "dependencies", LockGraph.Edge.PROD,
      "devDependencies", LockGraph.Edge.DEV,
      "optionalDependencies", LockGraph.Edge.OPTIONAL,
      "peerDependencies", LockGraph.Edge.PEER);
  private static final List<String> ORDER =
      List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");

  /** Reads the declarations of a parsed package.json (or a lockfile's root/workspace entry). */
  static Manifest of(Tree.Obj root, Issues issues) {
    List<Decl> decls = new ArrayList<>();
    for (String group : ORDER) {
      Optional<Tree> g = root.get(group);
      if (g.isEmpty()) {
        continue;
      }
      if (!(g.get() instanceof Tree.Obj obj)) {
        issues.add("bad-entry", "\"" + group + "\" is not an object; ignored", g.get().line());
        continue;
      }
      for (Map.Entry<String, Tree> e : obj.fields().entrySet()) {
        Optional<String> spec = e.getValue().asString();
        if (spec.isEmpty()) {
          issues.add("bad-entry", "the specifier of \"" + e.getKey() + "\" in " + group
              + " is not a string; ignored", e.getValue().line());
          continue;
        }
        decls.add(new Decl(e.getKey(), spec.get(), GROUPS.get(group), e.getValue().line()));
      }
    }
    return new Manifest(root.str("name").orElse(""), root.str("version").orElse(""), decls, root);
  }

  /** "name@version" for the root of dependency paths. */
  String label() {
    return name.isEmpty() ? "(root)" : NpmSpecs.label(name, version);
  }

  /**
   * Reads a package.json next to the input. A missing file is normal and gives empty; an unreadable
   * or malformed one is reported as a problem of the input.
   */
  static Optional<Manifest> beside(LockfileInput in, String relative, Issues issues) {
    LockfileInput other;
    try {
      other = in.readRelative(relative);
    } catch (ExtractionException e) {
      if (!"not a regular file".equals(e.getMessage())) {
        issues.add("manifest-unreadable", relative + " could not be read: " + e.getMessage(), 0);
      }
      return Optional.empty();
    }
    Issues own = new Issues(other.displayPath());
    try {
      return Optional.of(of(JsonTrees.parseObject(other, false, own), own));
    } catch (ExtractionException e) {
      issues.add("manifest-unreadable", e.describe(), 0);
      return Optional.empty();
    }
  }

  /** Only folders below the lockfile's own are read: a hostile path must not reach elsewhere. */
  static boolean safeFolder(String path) {
    return !path.isEmpty() && !path.startsWith("/") && !path.contains("..")
        && !path.contains("\\") && !path.contains(":");
  }
}
