package dev.bulwark.registry;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where npm packages come from, as the user's npm would decide it.
 *
 * @param registry the default registry URL, without a trailing slash
 * @param scopes registry URL per scope ("@acme" to its URL), without trailing slashes
 * @param credentials tokens per host (never printed)
 * @param origin where the default registry was found (flag, file path or "npm config")
 */
public record NpmSettings(String registry, Map<String, String> scopes, Credentials credentials,
    String origin) {
  public NpmSettings {
    Objects.requireNonNull(registry, "registry");
    scopes = Map.copyOf(new TreeMap<>(scopes));
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(origin, "origin");
  }

  /** The registry that serves this package name. */
  public String registryFor(String name) {
    if (name.startsWith("@") && name.indexOf('/') > 0) {
      String scope = name.substring(0, name.indexOf('/')).toLowerCase(java.util.Locale.ROOT);
      return scopes.getOrDefault(scope, registry);
    }
    return registry;
  }
}
