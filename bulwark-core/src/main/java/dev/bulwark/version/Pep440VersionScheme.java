package dev.bulwark.version;

import dev.bulwark.model.Ecosystem;

/** Placeholder until the implementation lands (being written now). */
final class Pep440VersionScheme implements VersionScheme {
  static final Pep440VersionScheme INSTANCE = new Pep440VersionScheme();

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.PYPI;
  }

  @Override
  public boolean isValid(String version) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public int compare(String a, String b) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public String normalize(String version) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public VersionRange parseRange(String spec) throws InvalidVersionException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
