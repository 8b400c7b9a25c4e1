package dev.bulwark.cli;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryException;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.advisory.AdvisoryUpdater;
import dev.bulwark.advisory.DbStatus;
import dev.bulwark.advisory.ImportResult;
import dev.bulwark.advisory.SourceImport;
import dev.bulwark.advisory.UpdateResult;
import dev.bulwark.model.Problem;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Manage the local advisory database (OSV data for npm and PyPI).",
    subcommands = {DbCommand.Import.class, DbCommand.Update.class, DbCommand.Status.class})
final class DbCommand implements Runnable {
  private final Env env;

  DbCommand(Env env) {
    this.env = env;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(env.out());
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import OSV all.zip archives and folders of OSV JSON files into a new database.")
  static final class Import implements Callable<Integer> {
    private final Env env;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "all.zip archives or folders.")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH", description = "The database to write.")
    Path db;

    Import(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Path path = Databases.path(db, env);
      List<Path> resolved = new ArrayList<>();
      for (Path s : sources) {
        Path p = s.isAbsolute() ? s : env.cwd().resolve(s);
        if (!Files.exists(p)) {
          env.err().println("bulwark db import: no such file or directory: " + s);
          return ExitCode.USAGE.code;
        }
        resolved.add(p);
      }
      try {
        createParent(path);
        long t0 = System.nanoTime();
        ImportResult r = new AdvisoryImporter(env.clock()).importSources(resolved, path);
        double secs = (System.nanoTime() - t0) / 1e9;
        for (SourceImport s : r.sources()) {
          env.out().println(describe(s));
        }
        printProblems(r.problems(), r.problemCount());
        env.out().printf(Locale.ROOT, "imported %,d records into %s in %.1f s (%,.0f records/s)%n",
            r.records(), path, secs, r.records() / Math.max(secs, 1e-9));
        env.out().flush();
        return r.problemCount() > 0 ? ExitCode.INCOMPLETE.code : ExitCode.OK.code;
      } catch (AdvisoryException | java.io.IOException e) {
        env.err().println("bulwark db import: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }

    private void printProblems(List<Problem> problems, int count) {
      for (Problem p : problems.subList(0, Math.min(20, problems.size()))) {
        env.err().println("skipped " + p.location() + ": " + p.message());
      }
      if (count > 20) {
        env.err().println("… and " + (count - 20) + " more skipped records");
      }
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = {"Download the full npm and PyPI advisory archives from OSV (or --source),",
          "only when they changed, and swap the new database in atomically."})
  static final class Update implements Callable<Integer> {
    private final Env env;

    @Option(names = "--db", paramLabel = "PATH", description = "The database to update.")
    Path db;

    @Option(names = "--source", paramLabel = "URL",
        description = "Base URL serving <Ecosystem>/all.zip (default: OSV's public storage).")
    URI source;

    Update(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Path path = Databases.path(db, env);
      HttpClient http = HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
      try {
        createParent(path);
        URI base = source == null ? AdvisoryUpdater.DEFAULT_BASE : source;
        if (env.tty()) {
          env.err().println("bulwark: downloading advisories from " + base + " …");
        }
        UpdateResult r = new AdvisoryUpdater(env.clock()).update(http, base, path);
        for (SourceImport s : r.sources()) {
          env.out().println(describe(s));
        }
        env.out().println(r.changed() ? "updated " + path : "already up to date: " + path);
        env.out().flush();
        return ExitCode.OK.code;
      } catch (AdvisoryException | java.io.IOException e) {
        env.err().println("bulwark db update: " + e.getMessage());
        env.err().println("bulwark db update: the previous database (if any) was kept.");
        return ExitCode.INCOMPLETE.code;
      }
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show record counts per ecosystem, the age of the data and its source.")
  static final class Status implements Callable<Integer> {
    private final Env env;

    @Option(names = "--db", paramLabel = "PATH", description = "The database to read.")
    Path db;

    @Option(names = "--format", defaultValue = "console", description = "console or json")
    String format;

    Status(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Path path = Databases.path(db, env);
      if (!Files.exists(path)) {
        env.out().println("no advisory database at " + path
            + "; `bulwark audit` builds one from the embedded sample, `bulwark db update` fetches"
            + " the full data");
        return ExitCode.OK.code;
      }
      try (AdvisoryDatabase d = AdvisoryDatabase.open(path)) {
        DbStatus s = d.status();
        if (format.equalsIgnoreCase("json")) {
          new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
              .writeValue(env.out(), s);
          env.out().println();
        } else {
          printStatus(s);
        }
        env.out().flush();
        return ExitCode.OK.code;
      } catch (AdvisoryException | java.io.IOException e) {
        env.err().println("bulwark db status: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }

    private void printStatus(DbStatus s) {
      env.out().println("database: " + s.path());
      env.out().println("built:    " + s.importedAt());
      env.out().println("newest:   " + (s.newestModified().isEmpty() ? "-" : s.newestModified()));
      for (DbStatus.Count c : s.counts()) {
        env.out().printf(Locale.ROOT, "  %-5s %-13s %,9d%n", c.ecosystem().osvName(),
            c.kind().jsonName(), c.advisories());
      }
      if (s.withdrawn() > 0) {
        env.out().printf(Locale.ROOT, "  withdrawn (not matched) %,d%n", s.withdrawn());
      }
      for (DbStatus.Source src : s.sources()) {
        env.out().printf(Locale.ROOT, "source: %s (%s), %,d records, fetched %s%n", src.name(),
            src.location(), src.records(), src.importedAt());
      }
    }
  }

  static String describe(SourceImport s) {
    return String.format(Locale.ROOT, "%s: %,d records (%,d malicious, %,d withdrawn)%s%s",
        s.location(), s.records(), s.malicious(), s.withdrawn(),
        s.failed() > 0 ? ", " + s.failed() + " skipped as malformed" : "",
        s.unchanged() ? ", unchanged" : "");
  }

  private static void createParent(Path path) throws java.io.IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
