package dev.bulwark.cli;

import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import dev.bulwark.project.DeepScan;
import dev.bulwark.project.ProjectLoader;
import dev.bulwark.project.ProjectScanner;
import dev.bulwark.project.ProjectTree;
import dev.bulwark.project.VerdictCache;
import dev.bulwark.report.BulwarkVersion;
import dev.bulwark.report.ConsoleScanRenderer;
import dev.bulwark.report.ReportData;
import dev.bulwark.report.RuleText;
import dev.bulwark.report.Style;
import dev.bulwark.report.ToolInfo;
import dev.bulwark.scan.Catalogs;
import dev.bulwark.scan.IocAnalyzer;
import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.scan.Scanner;
import dev.bulwark.scan.TargetResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Decides whether a package or a project is safe to open, install and run, without running it.",
      "PATH may be an npm .tgz, a wheel, sdist or egg, a zip (also password-protected), a folder,",
      "a node_modules or site-packages folder (each package is scanned), or a project: a repository,",
      "a take-home assignment folder or its .zip/.tar.gz, or a git repository (read from HEAD)."
    })
final class ScanCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "What to scan.")
  List<Path> paths = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--as", paramLabel = "KIND",
      description = "Treat every PATH as a 'project' or a 'package' (default: decide from content).")
  String as;

  @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
      description = "Password of encrypted zips (for example 'infected' for malware datasets).")
  char[] password;

  @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule folder (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--ioc", paramLabel = "FILE|DIR",
      description = "Extra indicator files (type,value,source lines; repeatable), added to the built-in feed.")
  List<Path> iocs = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "VERDICT", defaultValue = "malicious",
      description = "Exit 1 when a target is malicious (default) or, with 'suspicious', suspicious too.")
  String failOn;

  @Option(names = "--explain", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Explain each rule in the console (default); --no-explain shows one line per finding.")
  boolean explain;

  @Option(names = "--jobs", paramLabel = "N", description = "Targets scanned in parallel (default: cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--db", paramLabel = "PATH",
      description = "Advisory database for a project's dependencies (default: the user cache).")
  Path db;

  @Option(names = "--no-model",
      description = "Rule-only verdict (the default until the model is retrained on the current engine; docs/verdict.md).")
  boolean noModel;

  @Option(names = "--model",
      description = "Let the learned verdict model weigh the findings (opt-in: docs/verdict.md says why).")
  boolean model;

  @Option(names = "--no-audit", description = "Do not audit a project's dependencies.")
  boolean noAudit;

  @Option(names = "--deep",
      description = "Also fetch each locked npm dependency (from the lockfile's URL or your"
          + " configured registry), check its integrity hash and scan it; verdicts are cached.")
  boolean deep;

  ScanCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      output.validate("console", "json", "sarif", "html", "markdown");
      Scanner.Mode mode = mode();
      boolean failSuspicious = switch (failOn.toLowerCase(Locale.ROOT)) {
        case "malicious" -> false;
        case "suspicious" -> true;
        default -> throw new OutputOptions.UsageError(
            "unknown --fail-on '" + failOn + "'; expected malicious or suspicious");
      };
      List<Scanner.Request> requests = requests(mode);
      RuleCatalog catalog = Catalogs.load(resolveAll(rules));
      for (ExtractionException e : catalog.errors()) {
        env.err().println("bulwark scan: invalid rule " + e.describe());
      }
      if (!catalog.errors().isEmpty() && !rules.isEmpty()) {
        return ExitCode.USAGE.code;
      }
      List<TargetResult> results;
      ToolInfo info;
      Databases.Opened opened = null;
      try {
        Optional<AdvisoryLookup> lookup = Optional.empty();
        if (!noAudit && mode != Scanner.Mode.PACKAGE) {
          opened = Databases.openForReading(db, env, true);
          lookup = Optional.of(opened.lookup());
        }
        info = opened == null ? new ToolInfo(BulwarkVersion.get(), "", "") : opened.info();
        if (env.tty() && !output.quiet) {
          env.err().println("bulwark: scanning " + requests.size() + " target(s)…");
        }
        IocFeed feed = IocFeed.load(resolveAll(iocs));
        feed.problems().forEach(p -> env.err().println("bulwark scan: IOC file " + p.location()
            + ": " + p.message()));
        Scanner scanner = new Scanner(dev.bulwark.analysis.verdict.ModelAnalyzer.wrap(new IocAnalyzer(new StaticAnalyzer(catalog), feed), noModel || !model),
            ReaderLimits.defaults(), lookup,
            Extractors.all(), jobs);
        results = scanner.scan(requests);
        if (deep) {
          results = deepen(results, requests, dev.bulwark.analysis.verdict.ModelAnalyzer.wrap(new IocAnalyzer(new StaticAnalyzer(catalog), feed), noModel || !model));
        }
      } finally {
        if (opened != null) {
          opened.close();
        }
      }
      int code = exitCode(results, failSuspicious);
      RuleText.Source texts = Catalogs.texts(catalog);
      List<TargetResult> done = results;
      ReportWriter.write(new ReportData.Scan(done, info, texts, code), output, env,
          (w, color) -> ConsoleScanRenderer.render(done, texts, new Style(color),
              new ConsoleScanRenderer.Options(explain, output.quiet), w));
      return code;
    } catch (OutputOptions.UsageError e) {
      env.err().println("bulwark scan: " + e.getMessage());
      return ExitCode.USAGE.code;
    } catch (Databases.DatabaseError e) {
      env.err().println("bulwark scan: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    } catch (IOException e) {
      env.err().println("bulwark scan: cannot write the report: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    }
  }

  /** --deep: each project's locked dependencies fetched, verified and scanned. */
  private List<TargetResult> deepen(List<TargetResult> results, List<Scanner.Request> requests,
      dev.bulwark.analysis.PackageAnalyzer analyzer) throws IOException {
    Path cachePath = Databases.path(db, env).resolveSibling("verdicts.db");
    Optional<String> userRegistry = Optional.empty();
    Path userNpmrc = env.home().resolve(".npmrc");
    if (Files.isRegularFile(userNpmrc)) {
      userRegistry = DeepScan.registryOf(Files.readString(userNpmrc));
    }
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(15)).build();
    List<TargetResult> out = new ArrayList<>();
    try (VerdictCache cache = VerdictCache.open(cachePath, BulwarkVersion.get())) {
      DeepScan deepScan = new DeepScan(analyzer, ReaderLimits.defaults(), http, cache,
          userRegistry, Duration.ofSeconds(60));
      for (TargetResult t : results) {
        Optional<Scanner.Request> req = t instanceof TargetResult.Project p
            ? requests.stream().filter(r -> r.display().equals(p.project().scan().target()))
                .findFirst() : Optional.empty();
        if (req.isEmpty()) {
          out.add(t);
          continue;
        }
        ProjectTree tree = new ProjectLoader(ReaderLimits.defaults())
            .load(req.get().path(), req.get().display(), req.get().password());
        List<DeepScan.Outcome> outcomes = deepScan.run(tree, Extractors.all());
        if (env.tty() && !output.quiet) {
          env.err().println("bulwark: --deep checked " + outcomes.size() + " dependencies of "
              + req.get().display());
        }
        out.add(new TargetResult.Project(ProjectScanner.withDeep(
            ((TargetResult.Project) t).project(), outcomes)));
      }
    }
    return out;
  }

  private Scanner.Mode mode() throws OutputOptions.UsageError {
    if (as == null) {
      return Scanner.Mode.AUTO;
    }
    return switch (as.toLowerCase(Locale.ROOT)) {
      case "project" -> Scanner.Mode.PROJECT;
      case "package" -> Scanner.Mode.PACKAGE;
      default -> throw new OutputOptions.UsageError("--as must be project or package, not '" + as + "'");
    };
  }

  private List<Scanner.Request> requests(Scanner.Mode mode) throws OutputOptions.UsageError {
    List<Scanner.Request> out = new ArrayList<>();
    Optional<char[]> pw = Optional.ofNullable(password);
    for (Path p : paths) {
      Path abs = p.isAbsolute() ? p : env.cwd().resolve(p).normalize();
      if (!Files.exists(abs)) {
        throw new OutputOptions.UsageError("no such file or directory: " + p);
      }
      out.add(new Scanner.Request(abs, p.toString(), mode, pw));
    }
    return out;
  }

  private List<Path> resolveAll(List<Path> dirs) throws OutputOptions.UsageError {
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      Path abs = d.isAbsolute() ? d : env.cwd().resolve(d).normalize();
      if (!Files.exists(abs)) {
        throw new OutputOptions.UsageError("no such file or folder: " + d);
      }
      out.add(abs);
    }
    return out;
  }

  static int exitCode(List<TargetResult> results, boolean failSuspicious) {
    boolean fail = false;
    boolean incomplete = false;
    for (TargetResult t : results) {
      ScanResult r = t.scan();
      fail |= r.verdict() == Verdict.MALICIOUS
          || failSuspicious && r.verdict() == Verdict.SUSPICIOUS;
      incomplete |= r.errors().stream().anyMatch(e -> e.code().equals("scan-failed"));
    }
    return fail ? ExitCode.FINDINGS.code : incomplete ? ExitCode.INCOMPLETE.code : ExitCode.OK.code;
  }
}
