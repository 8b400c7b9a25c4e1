package dev.bulwark.cli;

import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.report.ConsoleSweepRenderer;
import dev.bulwark.report.ReportData;
import dev.bulwark.report.Style;
import dev.bulwark.scan.Catalogs;
import dev.bulwark.sweep.SweepOptions;
import dev.bulwark.sweep.SweepReport;
import dev.bulwark.sweep.Sweeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "I already ran it. Am I compromised?",
      "Looks, read-only, for traces of known developer-targeting malware (BeaverTail,",
      "InvisibleFerret, OtterCookie, malicious packages) and lists the secrets that may have been",
      "stolen, with what to do next. Never changes, moves or runs anything."
    })
final class SweepCommand implements Callable<Integer> {
  private final Env env;

  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--home", paramLabel = "DIR", description = "The home folder (default: $HOME).")
  Path home;

  @Option(names = "--root", paramLabel = "DIR",
      description = "The file-system root to read /proc, /tmp, /etc and /usr under (default: /).")
  Path root;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Only report evidence in files modified on or after DATE (2026-11-01 or an instant).")
  String since;

  @Option(names = "--ioc", paramLabel = "FILE",
      description = "Extra indicator file (repeatable): kind,pattern,family,source lines, or "
          + "type,value,source feed lines.")
  List<Path> iocs = new ArrayList<>();

  @Option(names = "--db", paramLabel = "PATH",
      description = "The advisory database (default: the user cache directory).")
  Path db;

  @Option(names = "--deep", description = "Also read each installed package's code and analyse "
      + "it statically (slower; the code is never run).")
  boolean deep;

  SweepCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      output.validate("console", "json", "sarif", "html", "markdown");
      SweepOptions options = new SweepOptions(dir(home, env.home()), dir(root, Path.of("/")),
          parseSince(), iocFiles(), SweepOptions.DEFAULT_BUDGET_MILLIS,
          SweepOptions.DEFAULT_MAX_ENTRIES);
      try (Databases.Opened opened = Databases.openForReading(db, env, output.quiet || output.json())) {
        SweepReport report = new Sweeper(opened.lookup(), env.clock(),
            deep ? Optional.of(new StaticAnalyzer(Catalogs.load(List.of()))) : Optional.empty())
            .sweep(options);
        // Confirmed evidence outranks suspicious evidence, which outranks an unfinished sweep.
        int code = report.compromised() ? ExitCode.COMPROMISED.code
            : report.suspicious() ? ExitCode.FINDINGS.code
            : report.stats().incomplete() ? ExitCode.INCOMPLETE.code : ExitCode.OK.code;
        ReportWriter.write(new ReportData.Sweep(report, opened.info(), code), output, env,
            (w, color) -> ConsoleSweepRenderer.render(report, output.quiet, new Style(color), w));
        return code;
      }
    } catch (OutputOptions.UsageError e) {
      env.err().println("bulwark sweep: " + e.getMessage());
      return ExitCode.USAGE.code;
    } catch (Databases.DatabaseError e) {
      env.err().println("bulwark sweep: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    } catch (IOException e) {
      env.err().println("bulwark sweep: cannot write the report: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    }
  }

  private Path dir(Path given, Path fallback) throws OutputOptions.UsageError {
    Path p = given == null ? fallback : given.isAbsolute() ? given : env.cwd().resolve(given);
    if (!Files.isDirectory(p)) {
      throw new OutputOptions.UsageError("not a folder: " + p);
    }
    return p.toAbsolutePath().normalize();
  }

  private List<Path> iocFiles() throws OutputOptions.UsageError {
    List<Path> out = new ArrayList<>();
    for (Path p : iocs) {
      Path abs = p.isAbsolute() ? p : env.cwd().resolve(p);
      if (!Files.isRegularFile(abs)) {
        throw new OutputOptions.UsageError("no such IOC file: " + p);
      }
      out.add(abs);
    }
    return out;
  }

  private Optional<Instant> parseSince() throws OutputOptions.UsageError {
    if (since == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(since.contains("T") ? Instant.parse(since)
          : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new OutputOptions.UsageError("--since expects a date such as 2026-11-01, not '" + since + "'");
    }
  }
}
