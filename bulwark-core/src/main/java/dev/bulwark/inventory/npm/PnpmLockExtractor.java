package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * pnpm-lock.yaml, lockfileVersion 5.x, 6.x and 9.x. A file may hold several YAML documents (pnpm
 * writes its own environment lockfile first); every document with a lockfileVersion is read.
 */
final class PnpmLockExtractor implements LockfileExtractor {
  static final String ID = "npm/pnpm-lock";

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
    return fileName.equals("pnpm-lock.yaml");
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    return Guard.run(input, () -> {
      Issues issues = new Issues(input.displayPath());
      List<Tree> docs = YamlTrees.parseAll(input, issues);
      String label = Manifest.beside(input, "package.json", issues).map(Manifest::label)
          .orElse("(root)");
      List<Dependency> deps = new ArrayList<>();
      int read = 0;
      for (Tree t : docs) {
        Optional<String> version = t.asObj().flatMap(o -> o.text("lockfileVersion"));
        if (version.isEmpty()) {
          issues.add("bad-entry", "a YAML document has no lockfileVersion; skipped", t.line());
          continue;
        }
        LockGraph g = new LockGraph(input.displayPath(), label);
        new PnpmLock(input, g, PnpmKeys.style(version.get()), issues).read((Tree.Obj) t);
        deps.addAll(g.dependencies());
        read++;
      }
      if (read == 0) {
        throw new ExtractionException(input.displayPath(), 1,
            "not a pnpm lockfile: no document with a lockfileVersion");
      }
      deps.sort(Comparator.comparingInt((Dependency d) -> d.location().line())
          .thenComparing(Dependency::name).thenComparing(Dependency::version));
      return new Inventory(input.displayPath(), ID, Ecosystem.NPM, deps, List.of(),
          issues.sorted());
    });
  }
}
