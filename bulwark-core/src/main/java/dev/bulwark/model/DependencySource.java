package dev.bulwark.model;

/** Where a resolved dependency comes from. */
public enum DependencySource {
  /** A package registry (npm registry, PyPI index). */
  REGISTRY,
  /** A git repository (git+https, github:, git+ssh, VCS links in requirements). */
  GIT,
  /** A plain HTTP(S) URL to a tarball, wheel or sdist. */
  URL,
  /** A local file or directory (file:, path dependencies). */
  FILE,
  /** A symlinked local package (npm link:, yarn portal:). */
  LINK,
  /** A workspace member of the same repository. */
  WORKSPACE;

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
