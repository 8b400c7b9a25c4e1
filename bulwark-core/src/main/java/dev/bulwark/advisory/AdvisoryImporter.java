package dev.bulwark.advisory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds an advisory database from OSV archives ({@code all.zip} as OSV publishes them) or from
 * folders of {@code *.json} records. The new database replaces the old one atomically only when
 * the build succeeded; malformed records are skipped and reported, never abort the build.
 */
public final class AdvisoryImporter {
  /** The source location recorded for the data set embedded in Bulwark. */
  public static final String EMBEDDED_LOCATION = "embedded sample";

  /** The OSV archives embedded as resources (see data/SOURCES.md beside them). */
  static final List<String> EMBEDDED =
      List.of("MAL-PyPI-sample.zip", "MAL-npm-sample.zip", "PyPI-pysec.zip", "npm-nswg.zip");

  private final Clock clock;

  public AdvisoryImporter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Builds {@code dbPath} from exactly these sources (zip archives or folders), replacing any
   * database there. Each source is recorded in the database's meta data under its file name.
   */
  public ImportResult importSources(List<Path> sources, Path dbPath) throws AdvisoryException {
    return locked(dbPath, () -> importLocked(sources, dbPath));
  }

  private ImportResult importLocked(List<Path> sources, Path dbPath) throws AdvisoryException {
    for (Path s : sources) {
      if (!Files.isDirectory(s) && !Files.isRegularFile(s)) {
        throw new AdvisoryException(s + ": no such archive or folder");
      }
    }
    Path building = DbFiles.building(dbPath);
    List<SourceImport> done = new ArrayList<>();
    try (DbWriter w = DbWriter.create(building)) {
      RecordLoader loader = new RecordLoader(w);
      Set<String> used = new HashSet<>();
      for (Path s : sources) {
        String name = uniqueName(s.getFileName().toString(), used);
        RecordLoader.Feed feed = Files.isDirectory(s)
            ? (r, h) -> r.readDirectory(s, h)
            : (r, h) -> r.readZipFile(s, h);
        done.add(record(w, loader.load(name, s.toAbsolutePath().toString(), name, feed)));
      }
      return finish(w, loader, done, building, dbPath);
    } finally {
      deleteQuietly(building);
    }
  }

  /** Builds {@code dbPath} from the sample archives embedded in Bulwark (source "embedded sample"). */
  public ImportResult buildEmbeddedDefault(Path dbPath) throws AdvisoryException {
    return locked(dbPath, () -> embeddedLocked(dbPath));
  }

  private ImportResult embeddedLocked(Path dbPath) throws AdvisoryException {
    Path building = DbFiles.building(dbPath);
    List<SourceImport> done = new ArrayList<>();
    try (DbWriter w = DbWriter.create(building)) {
      RecordLoader loader = new RecordLoader(w);
      for (String name : EMBEDDED) {
        RecordLoader.Feed feed = (r, h) -> {
          try (InputStream in = AdvisoryImporter.class.getResourceAsStream("data/" + name)) {
            if (in == null) {
              throw new AdvisoryException("embedded archive missing: " + name);
            }
            r.readZipStream(in, h);
          } catch (IOException e) {
            throw new AdvisoryException("embedded archive unreadable: " + name, e);
          }
        };
        done.add(record(w, loader.load(name, EMBEDDED_LOCATION, name, feed)));
      }
      return finish(w, loader, done, building, dbPath);
    } finally {
      deleteQuietly(building);
    }
  }

  private SourceImport record(DbWriter w, SourceImport s) throws AdvisoryException {
    w.putMeta(Schema.sourceKey(s.name(), "location"), s.location());
    w.putMeta(Schema.sourceKey(s.name(), "imported_at"), clock.instant().toString());
    w.putMeta(Schema.sourceKey(s.name(), "records"), Integer.toString(s.records()));
    return s;
  }

  private ImportResult locked(Path dbPath, Build build) throws AdvisoryException {
    FileLock lock = DbFiles.lock(dbPath);
    try {
      return build.run();
    } finally {
      DbFiles.unlock(lock);
    }
  }

  private interface Build {
    ImportResult run() throws AdvisoryException;
  }

  private ImportResult finish(
      DbWriter w, RecordLoader loader, List<SourceImport> done, Path building, Path dbPath)
      throws AdvisoryException {
    w.finish(clock.instant());
    try {
      DbFiles.swap(building, dbPath);
    } catch (IOException e) {
      throw new AdvisoryException("cannot replace " + dbPath + ": " + e.getMessage(), e);
    }
    return new ImportResult(done, loader.problems(), loader.problemCount());
  }

  /** Two archives with one file name ("all.zip" from two folders) get "all.zip", "all.zip#2". */
  private static String uniqueName(String name, Set<String> used) {
    String n = name;
    for (int i = 2; !used.add(n); i++) {
      n = name + "#" + i;
    }
    return n;
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover scratch file is removed by the next run.
    }
  }
}
