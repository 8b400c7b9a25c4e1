package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import java.util.List;

/**
 * yarn.lock in both of its formats: classic v1 (its own line format) and Berry v2+ (YAML with
 * "__metadata"). Both share the file name, so one extractor looks at the text and picks.
 */
final class YarnLockExtractor implements LockfileExtractor {
  static final String ID = "npm/yarn-lock";

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
    return fileName.equals("yarn.lock");
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    return Guard.run(input, () -> {
      Issues issues = new Issues(input.displayPath());
      LockGraph graph;
      if (isBerry(input.text())) {
        List<Tree> docs = YamlTrees.parseAll(input, issues);
        if (docs.isEmpty() || !(docs.get(0) instanceof Tree.Obj doc)
            || doc.obj("__metadata").isEmpty()) {
          throw new ExtractionException(input.displayPath(), 1,
              "not a yarn lockfile: no __metadata mapping");
        }
        graph = new YarnBerry(input, issues).read(doc);
      } else {
        graph = new YarnClassic(input, issues).read();
      }
      return new Inventory(input.displayPath(), ID, Ecosystem.NPM, graph.dependencies(),
          List.of(), issues.sorted());
    });
  }

  /** Berry files have a top-level "__metadata:" line; classic files never do. */
  static boolean isBerry(String text) {
    int pos = 0;
    for (int lines = 0; lines < 200 && pos < text.length(); lines++) {
      if (text.startsWith("__metadata:", pos) || text.startsWith("\"__metadata\":", pos)) {
        return true;
      }
      int nl = text.indexOf('\n', pos);
      if (nl < 0) {
        return false;
      }
      pos = nl + 1;
    }
    return false;
  }
}
