package dev.bulwark.cli;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryException;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.advisory.AdvisoryPaths;
import dev.bulwark.advisory.DbStatus;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.audit.OsvLookup;
import dev.bulwark.report.ToolInfo;
import dev.bulwark.report.BulwarkVersion;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the advisory database for a command, building the embedded sample on first use. */
final class Databases {
  private Databases() {}

  /** An open database, its lookup and what reports should say about it. */
  record Opened(AdvisoryDatabase db, AdvisoryLookup lookup, ToolInfo info) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }

  /** The database could not be opened or built. */
  static final class DatabaseError extends Exception {
    private static final long serialVersionUID = 1L;

    DatabaseError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static Path path(Path override, Env env) {
    if (override != null) {
      return override.isAbsolute() ? override : env.cwd().resolve(override);
    }
    return AdvisoryPaths.defaultDbPath(env.vars(), env.home());
  }

  static Opened openForReading(Path override, Env env, boolean quiet) throws DatabaseError {
    Path path = path(override, env);
    try {
      if (!Files.exists(path)) {
        if (!quiet) {
          env.err().println("bulwark: no advisory database at " + path + "; building one from the"
              + " small sample that ships with Bulwark.");
          env.err().println("bulwark: this sample is NOT the full data: run `bulwark db update`"
              + " to fetch all npm and PyPI advisories from OSV.");
          env.err().flush();
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        new AdvisoryImporter(env.clock()).buildEmbeddedDefault(path);
      }
      AdvisoryDatabase db = AdvisoryDatabase.open(path);
      if (db.upgradedFrom() > 0 && !quiet) {
        env.err().println("bulwark: upgraded the advisory database at " + path + " from schema version "
            + db.upgradedFrom() + " to " + db.status().schemaVersion() + " (once; an older Bulwark"
            + " cannot read it now: rebuild with its `bulwark db update` if you need one)");
        env.err().flush();
      }
      DbStatus status = db.status();
      return new Opened(db, new OsvLookup(db), info(status));
    } catch (AdvisoryException e) {
      throw new DatabaseError("cannot open the advisory database at " + path + ": "
          + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new DatabaseError("cannot create the advisory database at " + path + ": "
          + e.getMessage(), e);
    }
  }

  static ToolInfo info(DbStatus s) {
    boolean embedded = s.sources().stream()
        .anyMatch(src -> src.location().equals(AdvisoryImporter.EMBEDDED_LOCATION));
    String source = embedded
        ? "embedded sample (small; run `bulwark db update` for the full data)"
        : String.join(", ", s.sources().stream().map(DbStatus.Source::location).toList());
    String age = "built " + shortDate(s.importedAt())
        + (s.newestModified().isEmpty() ? "" : ", newest record " + shortDate(s.newestModified()));
    return new ToolInfo(BulwarkVersion.get(), source, age);
  }

  private static String shortDate(String rfc3339) {
    return rfc3339.length() >= 10 ? rfc3339.substring(0, 10) : rfc3339;
  }
}
