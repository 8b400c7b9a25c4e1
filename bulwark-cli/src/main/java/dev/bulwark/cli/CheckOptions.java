package dev.bulwark.cli;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.registry.Checker;
import dev.bulwark.registry.ConfigSources;
import dev.bulwark.registry.HttpPolicy;
import dev.bulwark.registry.MetadataCache;
import dev.bulwark.registry.MetadataHeuristics;
import dev.bulwark.registry.NpmClient;
import dev.bulwark.registry.NpmSettings;
import dev.bulwark.registry.ProcessCommandRunner;
import dev.bulwark.registry.PypiClient;
import dev.bulwark.registry.PypiSettings;
import dev.bulwark.registry.RegistryConfig;
import dev.bulwark.registry.RegistryException;
import dev.bulwark.registry.RegistryHttp;
import dev.bulwark.registry.ScanCache;
import dev.bulwark.registry.Typosquats;
import dev.bulwark.report.BulwarkVersion;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** Registry, cache and heuristic options shared by `check` and the install guards. */
final class CheckOptions {
  @Option(names = "--registry", paramLabel = "URL",
      description = "npm registry (default: from .npmrc files, then `npm config get registry`).")
  String registry;

  @Option(names = "--index-url", paramLabel = "URL",
      description = "PyPI index (default: PIP_INDEX_URL, pip config files, then pip itself).")
  String indexUrl;

  @Option(names = "--min-age-days", paramLabel = "N", defaultValue = "7",
      description = "Flag versions younger than N days (default: 7).")
  int minAgeDays;

  @Option(names = "--no-model",
      description = "Rule-only verdict (the default until the model is retrained on the current engine; docs/verdict.md).")
  boolean noModel;

  @Option(names = "--model",
      description = "Let the learned verdict model weigh the findings (opt-in: docs/verdict.md says why).")
  boolean model;

  @Option(names = "--strict", description = "Treat suspicious packages like malicious ones.")
  boolean strict;

  @Option(names = "--cache", paramLabel = "DIR", description = "Metadata cache folder (default: the user cache).")
  Path cache;

  @Option(names = "--no-cache", description = "Do not read or write the metadata and scan caches.")
  boolean noCache;

  @Option(names = "--cache-ttl-minutes", paramLabel = "N", defaultValue = "60",
      description = "How long cached metadata stays valid (default: 60).")
  int cacheTtlMinutes;

  void validate() throws OutputOptions.UsageError {
    if (minAgeDays < 0 || cacheTtlMinutes < 0) {
      throw new OutputOptions.UsageError("--min-age-days and --cache-ttl-minutes must not be negative");
    }
  }

  /**
   * The scan cache beside the advisory database (code scans by integrity hash, for this engine
   * and rule set), or a disabled one with {@code --no-cache} or when it cannot be opened. The
   * engine key comes from the jar when possible, so the rules are loaded only when needed.
   */
  ScanCache scanCache(Env env, Path db, java.util.function.Supplier<RuleCatalog> catalog) {
    if (noCache) {
      return ScanCache.disabled();
    }
    Path file = Databases.path(db, env).resolveSibling("scans.db");
    try {
      String version = BulwarkVersion.get();
      return ScanCache.open(file, ScanCache.jarEngineKey(version)
          .orElseGet(() -> ScanCache.engineKey(version, catalog.get())));
    } catch (IOException e) {
      env.err().println("bulwark: scans will not be cached: " + e.getMessage());
      return ScanCache.disabled();
    }
  }

  /** A checker for the given ecosystems; a registry that cannot be configured becomes a problem. */
  Checker checker(Env env, Set<Ecosystem> ecosystems, Optional<AdvisoryLookup> lookup,
      RuleCatalog catalog) {
    return checker(env, ecosystems, lookup, dev.bulwark.analysis.verdict.ModelAnalyzer.wrap(new StaticAnalyzer(catalog), noModel || !model));
  }

  /** As above, with the code analyzer given (the guards pass one that loads the rules lazily). */
  Checker checker(Env env, Set<Ecosystem> ecosystems, Optional<AdvisoryLookup> lookup,
      PackageAnalyzer analyzer) {
    ConfigSources src = new ConfigSources(env.cwd(), env.home(), env.vars(),
        new ProcessCommandRunner(env.cwd()));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    Optional<MetadataCache> mc = noCache ? Optional.empty() : Optional.of(new MetadataCache(
        cache != null ? env.cwd().resolve(cache) : MetadataCache.defaultDir(env.vars(), env.home()),
        Duration.ofMinutes(cacheTtlMinutes), env.clock()));
    RegistryHttp http = new RegistryHttp(client, HttpPolicy.DEFAULT, mc, d -> Thread.sleep(d.toMillis()));
    Optional<NpmClient> npm = Optional.empty();
    Optional<PypiClient> pypi = Optional.empty();
    String npmError = "";
    String pypiError = "";
    Set<String> scopes = Set.of();
    boolean mixed = false;
    if (ecosystems.contains(Ecosystem.NPM)) {
      try {
        NpmSettings s = RegistryConfig.npm(src, Optional.ofNullable(registry));
        npm = Optional.of(new NpmClient(http, s));
        scopes = s.scopes().keySet();
      } catch (RegistryException e) {
        npmError = e.getMessage();
      }
    }
    if (ecosystems.contains(Ecosystem.PYPI)) {
      try {
        PypiSettings s = RegistryConfig.pypi(src, Optional.ofNullable(indexUrl));
        pypi = Optional.of(new PypiClient(http, s));
        mixed = !s.extraIndexes().isEmpty();
      } catch (RegistryException e) {
        pypiError = e.getMessage();
      }
    }
    MetadataHeuristics h = new MetadataHeuristics(Typosquats.builtin(),
        new MetadataHeuristics.Options(minAgeDays, scopes, mixed));
    return new Checker(new Checker.Registries(npm, npmError, pypi, pypiError), h,
        Typosquats.builtin(), analyzer,
        new ArtifactReader(ReaderLimits.defaults()), lookup, env.clock());
  }
}
