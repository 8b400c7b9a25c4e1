package dev.bulwark.cli;

import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.registry.CheckConsole;
import dev.bulwark.registry.CheckJson;
import dev.bulwark.registry.CheckResult;
import dev.bulwark.registry.CheckTarget;
import dev.bulwark.registry.CheckVerdict;
import dev.bulwark.registry.Checker;
import dev.bulwark.registry.ScanCache;
import dev.bulwark.report.BulwarkVersion;
import dev.bulwark.report.ToolInfo;
import dev.bulwark.scan.Catalogs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Mixin CheckOptions check = new CheckOptions();

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
      check.validate();
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
      try (ScanCache scans = check.scanCache(env, db, () -> catalog)) {
        Optional<AdvisoryLookup> lookup = opened == null ? Optional.empty() : Optional.of(opened.lookup());
        info = opened == null ? info : opened.info();
        Checker checker = check.checker(env,
            parsed.stream().map(CheckTarget::ecosystem).collect(java.util.stream.Collectors.toSet()), lookup, catalog)
            .withScanCache(scans);
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

  private int exitCode(List<CheckResult> results) {
    boolean fail = results.stream().anyMatch(r -> r.verdict() == CheckVerdict.MALICIOUS
        || check.strict && r.verdict() == CheckVerdict.SUSPICIOUS);
    // "Could not check": an unknown verdict, or any problem on the way.
    boolean incomplete = results.stream().anyMatch(r -> r.verdict() == CheckVerdict.UNKNOWN
        || r.incomplete());
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
