package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Inventory;
import java.util.Locale;

/** pip requirements files: {@code requirements*.txt}, {@code *-requirements.txt}, {@code constraints.txt}. */
final class RequirementsExtractor implements LockfileExtractor {
  static final String ID = "pypi/requirements";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.PYPI;
  }

  @Override
  public boolean handles(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".txt") || n.endsWith(".in"))) {
      return false;
    }
    return n.contains("requirements") || n.contains("constraints");
  }

  /** True also for any {@code .txt} file directly in a folder named "requirements". */
  static boolean handlesPath(String relativePath) {
    String p = relativePath.replace('\\', '/');
    String base = p.substring(p.lastIndexOf('/') + 1);
    if (new RequirementsExtractor().handles(base)) {
      return true;
    }
    String dir = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
    String parent = dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return parent.equals("requirements") && base.toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  @Override
  public Inventory extract(LockfileInput input) {
    RequirementsReader reader = new RequirementsReader(input);
    reader.read(input, false, 0);
    return new Inventory(input.displayPath(), ID, Ecosystem.PYPI, reader.dependencies(),
        reader.sources(), reader.problems());
  }
}
