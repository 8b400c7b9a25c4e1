package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;

/** pyproject.toml as a manifest: PEP 621, PEP 735 groups, Poetry, PDM and uv dev groups. */
final class PyprojectExtractor implements LockfileExtractor {
  static final String ID = "pypi/pyproject";

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
    return fileName.equals("pyproject.toml");
  }

  @Override
  public boolean isManifest() {
    return true;
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    Manifest m = PyprojectReader.read(input, TomlDocs.parse(input));
    return new Inventory(input.displayPath(), ID, Ecosystem.PYPI, m.dependencies(), m.sources(),
        m.problems().stream().sorted().toList());
  }
}
