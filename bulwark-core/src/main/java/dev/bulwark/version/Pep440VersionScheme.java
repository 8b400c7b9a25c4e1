package dev.bulwark.version;

import dev.bulwark.model.Ecosystem;
import java.util.Optional;

/**
 * PEP 440 versions and specifiers. Versions that are not valid PEP 440 (legacy versions) sort
 * before every valid one and among themselves by string order, so {@link #compare} never throws.
 */
final class Pep440VersionScheme implements VersionScheme {
  static final Pep440VersionScheme INSTANCE = new Pep440VersionScheme();
  private static final ParseCache<Pep440Version> CACHE = new ParseCache<>(Pep440Version::parse);

  private Pep440VersionScheme() {}

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.PYPI;
  }

  @Override
  public boolean isValid(String version) {
    return CACHE.get(version).isPresent();
  }

  @Override
  public int compare(String a, String b) {
    Optional<Pep440Version> va = CACHE.get(a);
    Optional<Pep440Version> vb = CACHE.get(b);
    if (va.isPresent() && vb.isPresent()) {
      return va.get().compareTo(vb.get());
    }
    if (va.isPresent() != vb.isPresent()) {
      return va.isPresent() ? 1 : -1;
    }
    return a.compareTo(b);
  }

  @Override
  public byte[] key(String version) {
    return VersionKeys.pep440(version);
  }

  @Override
  public String normalize(String version) {
    return Pep440Version.parse(version).map(Pep440Version::toString).orElse(version);
  }

  @Override
  public VersionRange parseRange(String spec) throws InvalidVersionException {
    return Pep440Range.parse(spec);
  }
}
