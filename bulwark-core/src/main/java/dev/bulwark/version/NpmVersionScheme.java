package dev.bulwark.version;

import dev.bulwark.model.Ecosystem;
import java.util.Optional;

/**
 * npm's SemVer 2.0.0 versions and node-semver ranges. Invalid versions sort before every valid
 * one and among themselves by string order, so {@link #compare} never throws.
 */
final class NpmVersionScheme implements VersionScheme {
  static final NpmVersionScheme INSTANCE = new NpmVersionScheme();
  private static final ParseCache<SemVer> CACHE = new ParseCache<>(SemVer::parse);

  private NpmVersionScheme() {}

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.NPM;
  }

  @Override
  public boolean isValid(String version) {
    return CACHE.get(version).isPresent();
  }

  @Override
  public int compare(String a, String b) {
    Optional<SemVer> va = CACHE.get(a);
    Optional<SemVer> vb = CACHE.get(b);
    if (va.isPresent() && vb.isPresent()) {
      return va.get().compareTo(vb.get());
    }
    if (va.isPresent() != vb.isPresent()) {
      return va.isPresent() ? 1 : -1;
    }
    return a.compareTo(b);
  }

  /** "1.2.3" for "v1.2.3" and " =1.2.3+build"; build metadata is dropped as npm's clean does. */
  @Override
  public byte[] key(String version) {
    return VersionKeys.npm(version);
  }

  @Override
  public String normalize(String version) {
    return SemVer.parse(version).map(SemVer::toString).orElse(version);
  }

  @Override
  public VersionRange parseRange(String spec) throws InvalidVersionException {
    return NpmRangeParser.parse(spec);
  }
}
