package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;

/** Pipenv's Pipfile as a manifest. */
final class PipfileExtractor implements LockfileExtractor {
  static final String ID = "pypi/pipfile";

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
    return fileName.equals("Pipfile");
  }

  @Override
  public boolean isManifest() {
    return true;
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    Manifest m = PipfileReader.read(input, TomlDocs.parse(input));
    return new Inventory(input.displayPath(), ID, Ecosystem.PYPI, m.dependencies(), m.sources(), m.problems());
  }
}
