/**
 * Checks registry packages before installation: registry URL resolution from the user's own npm
 * and pip configuration ({@link dev.bulwark.registry.RegistryConfig}), HTTP clients with retries,
 * size caps and a metadata cache ({@link dev.bulwark.registry.RegistryHttp},
 * {@link dev.bulwark.registry.NpmClient}, {@link dev.bulwark.registry.PypiClient}), metadata
 * heuristics ({@link dev.bulwark.registry.MetadataHeuristics},
 * {@link dev.bulwark.registry.Typosquats}), the combined check
 * ({@link dev.bulwark.registry.Checker}) and install guards
 * ({@link dev.bulwark.registry.InstallGuard}). Nothing here installs or runs package code.
 */
package dev.bulwark.registry;
