package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Problem;
import java.util.List;
import java.util.Optional;

/** The manifest beside a lockfile, read for the lockfile's direct dependencies. */
final class Siblings {
  private Siblings() {}

  /** The pyproject.toml beside {@code lock}, when there is a readable one. */
  static Optional<Manifest> pyproject(LockfileInput lock, List<Problem> problems) {
    return read(lock, "pyproject.toml", problems, false);
  }

  /** The Pipfile beside {@code lock}, when there is a readable one. */
  static Optional<Manifest> pipfile(LockfileInput lock, List<Problem> problems) {
    return read(lock, "Pipfile", problems, true);
  }

  private static Optional<Manifest> read(LockfileInput lock, String name, List<Problem> problems,
      boolean pipfile) {
    LockfileInput sibling;
    try {
      sibling = lock.readRelative(name);
    } catch (ExtractionException e) {
      return Optional.empty(); // none, or not a readable file: direct dependencies stay inferred
    }
    try {
      var doc = TomlDocs.parse(sibling);
      return Optional.of(pipfile ? PipfileReader.read(sibling, doc) : PyprojectReader.read(sibling, doc));
    } catch (ExtractionException e) {
      problems.add(new Problem("sibling-invalid",
          "cannot read " + name + " for direct dependencies: " + e.describe(), e.location()));
      return Optional.empty();
    }
  }
}
