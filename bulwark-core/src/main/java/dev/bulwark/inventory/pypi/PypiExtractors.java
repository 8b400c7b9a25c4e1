package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import java.util.List;

/** The PyPI lockfile, manifest and configuration extractors. */
public final class PypiExtractors {
  private PypiExtractors() {}

  /** One extractor per format, lockfiles first, then manifests, then pip configuration. */
  public static List<LockfileExtractor> all() {
    return List.of(
        new RequirementsExtractor(),
        new PoetryLockExtractor(),
        new PipfileLockExtractor(),
        new PdmLockExtractor(),
        new UvLockExtractor(),
        new PylockExtractor(),
        new PyprojectExtractor(),
        new PipfileExtractor(),
        new SetupCfgExtractor(),
        new PipConfExtractor());
  }

  /**
   * True for a requirements file by its path relative to the scan root: what
   * {@link LockfileExtractor#handles} accepts for "pypi/requirements", plus any {@code .txt} file
   * directly inside a folder named {@code requirements}.
   */
  public static boolean isRequirementsPath(String relativePath) {
    return RequirementsExtractor.handlesPath(relativePath);
  }
}
