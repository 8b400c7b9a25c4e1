package dev.bulwark.version;

import dev.bulwark.model.Ecosystem;

/** Placeholder until the implementation lands (being written now). */
final class NpmVersionScheme implements VersionScheme {
  static final NpmVersionScheme INSTANCE = new NpmVersionScheme();

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.NPM;
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
