package dev.bulwark.cli;

import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Verdict;
import dev.bulwark.registry.CheckConsole;
import dev.bulwark.registry.CheckJson;
import dev.bulwark.registry.CheckResult;
import dev.bulwark.registry.CheckTarget;
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
import dev.bulwark.registry.Typosquats;
import dev.bulwark.report.BulwarkVersion;
import dev.bulwark.report.ToolInfo;
import dev.bulwark.scan.Catalogs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks registry packages before you install them: metadata signals (typosquats, fresh",
      "versions, new install scripts, lost provenance…), known advisories, and a static scan of",
      "the downloaded tarball or wheel after verifying its integrity. Nothing is installed or run."
    })
final class CheckCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "TARGET", arity = "1..*",
      description = "npm:NAME[@VERSION|@RANGE|@TAG] or pypi:NAME[==VERSION|SPECIFIER].")
  List<String> targets = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--registry", paramLabel = "URL",
      description = "npm registry (default: from .npmrc files, then `npm config get registry`).")
  String registry;

  @Option(names = "--index-url", paramLabel = "URL",
      description = "PyPI index (default: PIP_INDEX_URL, pip config files, then pip itself).")
  String indexUrl;

  @Option(names = "--min-age-days", paramLabel = "N", defaultValue = "7",
      description = "Flag versions younger than N days (default: 7).")
  int minAgeDays;

  @Option(names = "--strict", description = "Exit 1 for suspicious packages too.")
  boolean strict;

  @Option(names = "--cache", paramLabel = "DIR", description = "Metadata cache folder (default: the user cache).")
  Path cache;

  @Option(names = "--no-cache", description = "Do not read or write the metadata cache.")
  boolean noCache;

  @Option(names = "--cache-ttl-minutes", paramLabel = "N", defaultValue = "60",
      description = "How long cached metadata stays valid (default: 60).")
  int cacheTtlMinutes;

  @Option(names = "--db", paramLabel = "PATH", description = "Advisory database (default: the user cache).")
  Path db;

  @Option(names = "--no-audit", description = "Do not look packages up in the advisory database.")
  boolean noAudit;

  CheckCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      output.validate("console", "json");
      if (minAgeDays < 0 || cacheTtlMinutes < 0) {
        throw new OutputOptions.UsageError("--min-age-days and --cache-ttl-minutes must not be negative");
      }
      List<CheckTarget> parsed = new ArrayList<>();
      for (String t : targets) {
        try {
          parsed.add(CheckTarget.parse(t));
        } catch (IllegalArgumentException e) {
          throw new OutputOptions.UsageError(e.getMessage());
        }
      }
      RuleCatalog catalog = Catalogs.load(List.of());
      List<CheckResult> results = new ArrayList<>();
      ToolInfo info = new ToolInfo(BulwarkVersion.get(), "", "");
      Databases.Opened opened = noAudit ? null : Databases.openForReading(db, env, true);
      try {
        Optional<AdvisoryLookup> lookup = opened == null ? Optional.empty() : Optional.of(opened.lookup());
        info = opened == null ? info : opened.info();
        Checker checker = checker(parsed, lookup);
        for (CheckTarget t : parsed) {
          results.add(checker.check(t));
        }
      } finally {
        if (opened != null) {
          opened.close();
        }
      }
      int code = exitCode(results);
      write(results, info, catalog, code);
      return code;
    } catch (OutputOptions.UsageError e) {
      env.err().println("bulwark check: " + e.getMessage());
      return ExitCode.USAGE.code;
    } catch (Databases.DatabaseError e) {
      env.err().println("bulwark check: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    } catch (IOException e) {
      env.err().println("bulwark check: cannot write the report: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    }
  }

  private Checker checker(List<CheckTarget> parsed, Optional<AdvisoryLookup> lookup) {
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
    if (parsed.stream().anyMatch(t -> t.ecosystem() == Ecosystem.NPM)) {
      try {
        NpmSettings s = RegistryConfig.npm(src, Optional.ofNullable(registry));
        npm = Optional.of(new NpmClient(http, s));
        scopes = s.scopes().keySet();
      } catch (RegistryException e) {
        npmError = e.getMessage();
      }
    }
    if (parsed.stream().anyMatch(t -> t.ecosystem() == Ecosystem.PYPI)) {
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
        Typosquats.builtin(), new StaticAnalyzer(Catalogs.load(List.of())),
        new ArtifactReader(ReaderLimits.defaults()), lookup, env.clock());
  }

  private int exitCode(List<CheckResult> results) {
    boolean fail = results.stream().anyMatch(r -> r.verdict() == Verdict.MALICIOUS
        || strict && r.verdict() == Verdict.SUSPICIOUS);
    boolean incomplete = results.stream().anyMatch(CheckResult::incomplete);
    return fail ? ExitCode.FINDINGS.code : incomplete ? ExitCode.INCOMPLETE.code : ExitCode.OK.code;
  }

  private void write(List<CheckResult> results, ToolInfo info, RuleCatalog catalog, int code)
      throws IOException {
    for (OutputOptions.Destination d : output.destinations()) {
      if (d.file().isPresent()) {
        Path f = env.cwd().resolve(d.file().get());
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
          render(d.format(), results, info, catalog, code, new PrintWriter(w));
        }
      } else {
        render(d.format(), results, info, catalog, code, env.out());
      }
    }
  }

  private void render(String format, List<CheckResult> results, ToolInfo info, RuleCatalog catalog,
      int code, PrintWriter w) throws IOException {
    if (format.equals("json")) {
      CheckJson.render(results, info, Catalogs.texts(catalog), code, w);
    } else {
      CheckConsole.render(results, output.quiet, w);
    }
    w.flush();
  }
}
