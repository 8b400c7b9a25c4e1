package dev.bulwark.model;

import java.util.Objects;

/**
 * A package index or registry that a lockfile, requirements file or .npmrc points at. Extra
 * indexes are a dependency-confusion risk that later checks report.
 *
 * @param kind "index-url", "extra-index-url", "find-links", "npm-registry", "npm-scope-registry"
 * @param url the URL as written
 * @param location where it is written
 */
public record PackageSourceConfig(String kind, String url, SourceLocation location) {
  public PackageSourceConfig {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(location, "location");
  }
}
