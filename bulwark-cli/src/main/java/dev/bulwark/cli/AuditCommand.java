package dev.bulwark.cli;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.audit.Auditor;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.inventory.InventoryScanner;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.policy.FailOn;
import dev.bulwark.policy.PolicyFile;
import dev.bulwark.report.ConsoleAuditRenderer;
import dev.bulwark.report.ReportData;
import dev.bulwark.report.Style;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Reports dependencies that are known to be vulnerable or malicious.",
      "Reads npm and PyPI lockfiles (and manifests when there is no lockfile) under each PATH,",
      "and matches them against the local OSV advisory database. Works offline."
    })
final class AuditCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Lockfiles or project folders (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--db", paramLabel = "PATH",
      description = "The advisory database (default: the user cache directory).")
  Path db;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Fail (exit 1) on findings at or above: critical, high, medium, low or any. "
          + "Default: any malicious package, and vulnerabilities of high severity and above.")
  String failOn;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The policy file (default: .bulwark.yml in the first folder audited).")
  Path config;

  @Option(names = "--dev", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Audit dev dependencies too (default). --no-dev leaves them out.")
  boolean dev;

  @Option(names = "--upload", paramLabel = "URL",
      description = "Also send the inventory (CycloneDX) to the organisation watch:"
          + " http://HOST:PORT/api/projects/NAME, token from $BULWARK_WATCH_TOKEN (docs/watch.md).")
  String upload;

  @Option(names = "--no-recursive", description = "Only read lockfiles directly in each folder.")
  boolean noRecursive;

  AuditCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      output.validate("console", "json", "sarif", "html", "markdown", "cyclonedx");
      List<Auditor.Input> inputs = paths.isEmpty()
          ? List.of(new Auditor.Input(env.cwd(), ".")) : resolve(paths);
      List<Path> targets = inputs.stream().map(Auditor.Input::path).toList();
      PolicyFile.Settings settings = policy(targets);
      FailOn threshold = failOn == null
          ? settings.failOn().orElse(FailOn.DEFAULT)
          : FailOn.parse(failOn).orElseThrow(() -> new OutputOptions.UsageError(
              "unknown --fail-on '" + failOn + "'; expected critical, high, medium, low or any"));
      boolean includeDev = dev && settings.dev().orElse(true);
      try (Databases.Opened opened = Databases.openForReading(db, env, output.quiet)) {
        InventoryScanner scanner = new InventoryScanner(
            Extractors.all(), !noRecursive, LockfileInput.DEFAULT_MAX_BYTES, 10_000);
        Auditor auditor = new Auditor(scanner, opened.lookup(), env.clock());
        AuditReport report = auditor.auditInputs(inputs,
            new Auditor.Options(threshold, includeDev, settings.ignores()));
        int code = report.failingCount() > 0 ? ExitCode.FINDINGS.code
            : report.incomplete() ? ExitCode.INCOMPLETE.code : ExitCode.OK.code;
        ReportWriter.write(new ReportData.Audit(report, opened.info(), code), output, env,
            (w, color) -> ConsoleAuditRenderer.render(report, opened.info(), new Style(color),
                output.quiet, w));
        if (upload != null) {
          try {
            AuditUpload.upload(env, upload, new ReportData.Audit(report, opened.info(), code));
            env.err().println("bulwark audit: uploaded the inventory to " + upload);
          } catch (IOException e) {
            env.err().println("bulwark audit: upload failed: " + e.getMessage());
            return code == ExitCode.OK.code ? ExitCode.INCOMPLETE.code : code;
          }
        }
        return code;
      }
    } catch (OutputOptions.UsageError e) {
      env.err().println("bulwark audit: " + e.getMessage());
      return ExitCode.USAGE.code;
    } catch (ExtractionException e) {
      env.err().println("bulwark audit: " + e.describe());
      return ExitCode.USAGE.code;
    } catch (Databases.DatabaseError e) {
      env.err().println("bulwark audit: " + e.getMessage());
      if (output.debug && e.getCause() != null) {
        e.getCause().printStackTrace(env.err());
      }
      return ExitCode.INCOMPLETE.code;
    } catch (IOException e) {
      env.err().println("bulwark audit: cannot write the report: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    }
  }

  private List<Auditor.Input> resolve(List<Path> given) throws OutputOptions.UsageError {
    List<Auditor.Input> out = new ArrayList<>();
    for (Path p : given) {
      Path abs = p.isAbsolute() ? p : env.cwd().resolve(p).normalize();
      if (!Files.exists(abs)) {
        throw new OutputOptions.UsageError("no such file or directory: " + p);
      }
      out.add(new Auditor.Input(abs, p.toString()));
    }
    return out;
  }

  private PolicyFile.Settings policy(List<Path> targets) throws ExtractionException {
    if (config != null) {
      Path c = config.isAbsolute() ? config : env.cwd().resolve(config);
      return PolicyFile.read(c, config.toString());
    }
    Path first = targets.get(0);
    Path dir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
    if (dir != null && Files.isRegularFile(dir.resolve(PolicyFile.FILE_NAME))) {
      return PolicyFile.read(dir.resolve(PolicyFile.FILE_NAME), PolicyFile.FILE_NAME);
    }
    return PolicyFile.Settings.empty();
  }
}
