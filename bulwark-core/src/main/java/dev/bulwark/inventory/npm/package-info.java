/**
 * npm lockfile, manifest and configuration extractors: package-lock.json and npm-shrinkwrap.json
 * (lockfileVersion 1, 2, 3), yarn.lock (classic v1 and Berry), pnpm-lock.yaml (5.x, 6.x, 9.x),
 * bun.lock, package.json (as a manifest) and .npmrc. {@link
 * dev.bulwark.inventory.npm.NpmExtractors#all()} lists them for registration.
 *
 * <p>Every format is parsed into a small located tree ({@code Tree}) or, for yarn classic and
 * .npmrc, read line by line; packages and their edges go into a {@code LockGraph}, which computes
 * dependency paths, direct, dev and optional flags in linear time. Hostile input is bounded:
 * JSON nesting, string and token limits in Jackson; alias, depth, node-count and indentation
 * limits around snakeyaml-engine's composer (no Java objects are constructed from YAML tags); a
 * cap on problems per file; credentials in .npmrc and URLs are never stored.
 */
package dev.bulwark.inventory.npm;
