package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Downloads OSV's per-ecosystem archives and rebuilds the database from them. Each archive is
 * fetched with a conditional GET (the ETag and Last-Modified of the previous download), streamed
 * to a scratch file, read completely into a new database file beside the old one, and only then
 * moved over the old database in one atomic rename. Any failure leaves the old database as it
 * was; scratch files left by a crash are removed by the next run.
 */
public final class AdvisoryUpdater {
  /** OSV's public bucket of advisory archives: {@code <base>/<Ecosystem>/all.zip}. */
  public static final URI DEFAULT_BASE = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

  /** The source name used when {@code --source} points at one archive rather than a base URL. */
  static final String SINGLE_SOURCE = "all";

  private final Clock clock;
  private final Downloader downloader;
  private final Runnable beforeSwap;

  public AdvisoryUpdater(Clock clock) {
    this(clock, UpdateOptions.DEFAULTS);
  }

  public AdvisoryUpdater(Clock clock, UpdateOptions options) {
    this(clock, options, d -> Thread.sleep(d.toMillis()), () -> {});
  }

  /** For tests: a sleeper that does not wait, and a hook run just before the new file is moved. */
  AdvisoryUpdater(Clock clock, UpdateOptions options, Downloader.Sleeper sleeper, Runnable beforeSwap) {
    this.clock = clock;
    this.downloader = new Downloader(options, sleeper);
    this.beforeSwap = beforeSwap;
  }

  /**
   * Updates {@code dbPath}. {@code baseOrSource} is either a base URL under which
   * {@code npm/all.zip} and {@code PyPI/all.zip} are fetched (such as {@link #DEFAULT_BASE}), or,
   * when its path ends in ".zip", one archive holding records of any ecosystem.
   */
  public UpdateResult update(HttpClient http, URI baseOrSource, Path dbPath) throws AdvisoryException {
    String scheme = Optional.ofNullable(baseOrSource.getScheme()).orElse("");
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new AdvisoryException(baseOrSource + ": not an http(s) URL (use `bulwark db import` for files)");
    }
    FileLock lock = DbFiles.lock(dbPath);
    try {
      return updateLocked(http, plan(baseOrSource), dbPath);
    } finally {
      DbFiles.unlock(lock);
    }
  }

  private UpdateResult updateLocked(HttpClient http, Map<String, URI> sources, Path dbPath)
      throws AdvisoryException {
    try {
      DbFiles.removeLeftovers(dbPath, sources.keySet());
    } catch (IOException e) {
      throw new AdvisoryException("cannot remove leftover files beside " + dbPath + ": " + e.getMessage(), e);
    }
    Map<String, String> oldMeta = previousMeta(dbPath);
    Map<String, Downloader.Fetched> fetched = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, URI> s : sources.entrySet()) {
        fetched.put(s.getKey(), downloader.fetch(http, s.getValue(),
            validators(oldMeta, s.getKey(), s.getValue()), DbFiles.download(dbPath, s.getKey())));
      }
      if (fetched.values().stream().allMatch(f -> f.file().isEmpty())) {
        return new UpdateResult(false, unchangedReports(sources, oldMeta), List.of(), 0);
      }
      return rebuild(sources, fetched, oldMeta, dbPath);
    } finally {
      for (String s : sources.keySet()) {
        AdvisoryImporter.deleteQuietly(DbFiles.download(dbPath, s));
      }
    }
  }

  private UpdateResult rebuild(Map<String, URI> sources, Map<String, Downloader.Fetched> fetched,
      Map<String, String> oldMeta, Path dbPath) throws AdvisoryException {
    Path building = DbFiles.building(dbPath);
    List<SourceImport> reports = new ArrayList<>();
    try (DbWriter w = DbWriter.create(building)) {
      RecordLoader loader = new RecordLoader(w);
      for (String name : sources.keySet()) {
        if (fetched.get(name).file().isEmpty()) {
          w.copySource(dbPath, name);
          reports.add(unchanged(name, sources.get(name), oldMeta));
        }
      }
      for (String name : sources.keySet()) {
        Downloader.Fetched f = fetched.get(name);
        if (f.file().isPresent()) {
          reports.add(load(w, loader, name, sources.get(name), f));
        }
      }
      w.finish(clock.instant());
      beforeSwap.run();
      DbFiles.swap(building, dbPath);
      return new UpdateResult(true, reports, loader.problems(), loader.problemCount());
    } catch (IOException e) {
      throw new AdvisoryException("cannot replace " + dbPath + ": " + e.getMessage(), e);
    } finally {
      AdvisoryImporter.deleteQuietly(building);
    }
  }

  private SourceImport load(DbWriter w, RecordLoader loader, String name, URI uri, Downloader.Fetched f)
      throws AdvisoryException {
    Path file = f.file().orElseThrow();
    SourceImport s = loader.load(name, uri.toString(), uri.toString(), (r, h) -> r.readZipFile(file, h));
    if (s.records() == 0 && s.failed() > 0) {
      throw new AdvisoryException(uri + ": no record of the archive could be read; database kept");
    }
    w.putMeta(Schema.sourceKey(name, "location"), uri.toString());
    w.putMeta(Schema.sourceKey(name, "etag"), f.validators().etag());
    w.putMeta(Schema.sourceKey(name, "last_modified"), f.validators().lastModified());
    w.putMeta(Schema.sourceKey(name, "imported_at"), clock.instant().toString());
    w.putMeta(Schema.sourceKey(name, "records"), Integer.toString(s.records()));
    return s;
  }

  static Map<String, URI> plan(URI baseOrSource) {
    Map<String, URI> out = new LinkedHashMap<>();
    String path = Optional.ofNullable(baseOrSource.getPath()).orElse("");
    if (path.endsWith(".zip")) {
      out.put(SINGLE_SOURCE, baseOrSource);
      return out;
    }
    String base = baseOrSource.toString();
    URI b = URI.create(base.endsWith("/") ? base : base + "/");
    for (Ecosystem e : Ecosystem.values()) {
      out.put(e.osvName(), b.resolve(e.osvName() + "/all.zip"));
    }
    return out;
  }

  /** The meta data of the current database, or nothing when it is missing or unreadable. */
  private static Map<String, String> previousMeta(Path dbPath) {
    if (!Files.isRegularFile(dbPath)) {
      return Map.of();
    }
    try (AdvisoryDatabase db = AdvisoryDatabase.open(dbPath)) {
      return db.meta();
    } catch (AdvisoryException | SQLException e) {
      return Map.of(); // rebuilt from scratch
    }
  }

  private static Downloader.Validators validators(Map<String, String> meta, String name, URI uri) {
    if (!uri.toString().equals(meta.getOrDefault(Schema.sourceKey(name, "location"), ""))) {
      return Downloader.Validators.NONE;
    }
    return new Downloader.Validators(
        meta.getOrDefault(Schema.sourceKey(name, "etag"), ""),
        meta.getOrDefault(Schema.sourceKey(name, "last_modified"), ""));
  }

  private static List<SourceImport> unchangedReports(Map<String, URI> sources, Map<String, String> meta) {
    List<SourceImport> out = new ArrayList<>();
    sources.forEach((name, uri) -> out.add(unchanged(name, uri, meta)));
    return out;
  }

  private static SourceImport unchanged(String name, URI uri, Map<String, String> meta) {
    int records;
    try {
      records = Integer.parseInt(meta.getOrDefault(Schema.sourceKey(name, "records"), "0"));
    } catch (NumberFormatException e) {
      records = 0;
    }
    return new SourceImport(name, uri.toString(), records, 0, 0, 0, 0, true);
  }
}
