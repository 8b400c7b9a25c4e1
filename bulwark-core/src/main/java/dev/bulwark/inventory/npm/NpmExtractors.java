package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import java.util.List;

/** The npm lockfile, manifest and configuration extractors, for registration by the caller. */
public final class NpmExtractors {
  private NpmExtractors() {}

  /**
   * package-lock.json/npm-shrinkwrap.json, yarn.lock (classic and Berry), pnpm-lock.yaml, bun.lock,
   * .npmrc and, as a manifest, package.json.
   */
  public static List<LockfileExtractor> all() {
    return List.of(
        new PackageLockExtractor(),
        new YarnLockExtractor(),
        new PnpmLockExtractor(),
        new BunLockExtractor(),
        new NpmrcExtractor(),
        new PackageJsonExtractor());
  }
}
