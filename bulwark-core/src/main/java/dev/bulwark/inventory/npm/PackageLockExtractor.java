package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import java.util.List;
import java.util.Optional;

/**
 * npm's package-lock.json and npm-shrinkwrap.json, lockfileVersion 1 (nested "dependencies"),
 * 2 and 3 (flat "packages"; version 2 also carries the version 1 section, which is ignored).
 */
final class PackageLockExtractor implements LockfileExtractor {
  static final String ID = "npm/package-lock";

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
    return fileName.equals("package-lock.json") || fileName.equals("npm-shrinkwrap.json");
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    return Guard.run(input, () -> {
      Issues issues = new Issues(input.displayPath());
      Tree.Obj root = JsonTrees.parseObject(input, false, issues);
      Optional<Tree> version = root.get("lockfileVersion");
      if (version.isEmpty() || version.get().asText().isEmpty()) {
        if (root.get("packages").isEmpty() && root.get("dependencies").isEmpty()) {
          throw new ExtractionException(input.displayPath(), 1,
              "not an npm lockfile: no lockfileVersion, packages or dependencies");
        }
        issues.add("bad-entry", "lockfileVersion is missing or not a number", 1);
      }
      LockGraph graph;
      if (root.get("packages").isPresent()) {
        Tree.Obj packages = root.obj("packages").orElseThrow(() -> new ExtractionException(
            input.displayPath(), root.get("packages").get().line(), "\"packages\" is not an object"));
        graph = new PackageLockFlat(input.displayPath(), issues).read(packages);
      } else {
        graph = new PackageLockNested(input, issues).read(root);
      }
      return new Inventory(input.displayPath(), ID, Ecosystem.NPM, graph.dependencies(),
          List.of(), issues.sorted());
    });
  }
}
