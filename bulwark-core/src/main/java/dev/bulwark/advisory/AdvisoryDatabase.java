package dev.bulwark.advisory;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import dev.bulwark.version.VersionScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A read-only advisory database. One indexed query per dependency, returning one row (the packed
 * advisories of the name), so a lookup costs one B-tree search whatever the number of advisories. Not thread-safe: use one instance per thread.
 */
public final class AdvisoryDatabase implements AutoCloseable {
  /** The most of the file SQLite maps into memory (shared, file-backed pages). */
  private static final long MMAP_BYTES = 512L << 20;
  /**
   * Names asked for in one query by {@link #matchAll}: a query costs sqlite-jdbc about as much
   * as reading a 16 KiB row, so 10,000 single lookups spent most of their time in the calls.
   */
  static final int BATCH = 256;

  private final Path path;
  private final Connection conn;
  private final PreparedStatement lookup;
  private PreparedStatement lookupBatch; // prepared on the first matchAll
  private final AdvisoryMatcher matcher;
  private final int upgradedFrom;

  private AdvisoryDatabase(Path path, Connection conn, Function<Ecosystem, VersionScheme> schemes,
      int upgradedFrom) throws SQLException {
    this.path = path;
    this.upgradedFrom = upgradedFrom;
    this.conn = conn;
    this.lookup = conn.prepareStatement(Schema.LOOKUP);
    this.matcher = new AdvisoryMatcher(new RangeEvaluator(schemes));
  }

  /** Opens an existing database read-only; fails when it is missing or of another schema version. */
  public static AdvisoryDatabase open(Path path) throws AdvisoryException {
    return open(path, VersionScheme::of);
  }

  static AdvisoryDatabase open(Path path, Function<Ecosystem, VersionScheme> schemes)
      throws AdvisoryException {
    return open(path, schemes, 0);
  }

  private static AdvisoryDatabase open(Path path, Function<Ecosystem, VersionScheme> schemes,
      int upgradedFrom) throws AdvisoryException {
    if (!Files.isRegularFile(path)) {
      throw new AdvisoryException(path + ": no advisory database (run `bulwark db update` or `bulwark db import`)");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    // Lookups read the index pages of every dependency's name: map the file (no copy per page
    // read) rather than go through SQLite's small default page cache.
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
    Connection conn = null;
    try {
      conn = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(), config.toProperties());
      int version = intMeta(meta(conn), Schema.SCHEMA_VERSION);
      if (version > 0 && version < Schema.VERSION) {
        closeQuietly(conn);
        SchemaMigration.upgrade(path, version);
        return open(path, schemes, version);
      }
      if (version != Schema.VERSION) {
        closeQuietly(conn);
        throw new AdvisoryException(path + ": schema version " + version + ", expected "
            + Schema.VERSION + " (rebuild it with `bulwark db update`)");
      }
      return new AdvisoryDatabase(path, conn, schemes, upgradedFrom);
    } catch (SQLException e) {
      closeQuietly(conn);
      throw new AdvisoryException(path + ": not a readable advisory database: " + e.getMessage(), e);
    }
  }

  /**
   * The schema version this open upgraded the file from in place ({@link SchemaMigration}), or 0
   * when the file was current: a caller can tell its user that it happened.
   */
  public int upgradedFrom() {
    return upgradedFrom;
  }

  /** The advisories that affect a dependency, withdrawn ones excluded, most severe first. */
  public List<AdvisoryMatch> match(Dependency dependency) throws AdvisoryException {
    return match(dependency, false);
  }

  /** As {@link #match(Dependency)}, optionally including withdrawn advisories. */
  public List<AdvisoryMatch> match(Dependency dependency, boolean includeWithdrawn)
      throws AdvisoryException {
    MatchCodec.Probe probe = matcher.probe(dependency);
    return matcher.matchStored(dependency, probe, candidates(dependency, probe), includeWithdrawn);
  }

  /**
   * As {@link #match(Dependency, boolean)} for each dependency, in order, with the packed rows of
   * up to {@link #BATCH} names read per query; the same answers as one {@code match} per
   * dependency. Each row is matched as soon as it is read, while its bytes (copied out of SQLite
   * a moment before) are still in the processor's cache: read in chunks of 256 rows first, the
   * walk over a 15 KB row spent most of its time waiting for memory.
   */
  public List<List<AdvisoryMatch>> matchAll(List<Dependency> dependencies, boolean includeWithdrawn)
      throws AdvisoryException {
    List<List<AdvisoryMatch>> out = new ArrayList<>(dependencies.size());
    for (int from = 0; from < dependencies.size(); from += BATCH) {
      List<Dependency> chunk = dependencies.subList(from, Math.min(dependencies.size(), from + BATCH));
      List<AdvisoryMatch>[] found = matchChunk(chunk, includeWithdrawn);
      for (int i = 0; i < chunk.size(); i++) {
        Dependency d = chunk.get(i);
        out.add(found[i] != null ? found[i]
            : matcher.matchStored(d, matcher.probe(d), List.of(), includeWithdrawn));
      }
    }
    return out;
  }

  /**
   * The matches of the chunk's dependencies whose name has a packed row, by index in the chunk
   * (null for the others): one query per ecosystem, each row matched as it arrives.
   */
  private List<AdvisoryMatch>[] matchChunk(List<Dependency> chunk, boolean includeWithdrawn)
      throws AdvisoryException {
    Map<String, Map<String, List<Integer>>> names = new TreeMap<>(); // ecosystem, name, indexes
    for (int i = 0; i < chunk.size(); i++) {
      Dependency d = chunk.get(i);
      names.computeIfAbsent(d.ecosystem().osvName(), e -> new java.util.LinkedHashMap<>())
          .computeIfAbsent(PackageNames.normalize(d.ecosystem(), d.name()), n -> new ArrayList<>(1))
          .add(i);
    }
    @SuppressWarnings("unchecked")
    List<AdvisoryMatch>[] found = new List[chunk.size()];
    try {
      if (lookupBatch == null) {
        lookupBatch = conn.prepareStatement(Schema.lookupBatch(BATCH));
      }
      for (Map.Entry<String, Map<String, List<Integer>>> e : names.entrySet()) {
        lookupBatch.setString(1, e.getKey());
        int i = 0;
        String last = "";
        for (String n : e.getValue().keySet()) {
          lookupBatch.setString(2 + i++, n);
          last = n;
        }
        for (; i < BATCH; i++) {
          lookupBatch.setString(2 + i, last); // a repeated name adds no row
        }
        try (ResultSet rs = lookupBatch.executeQuery()) {
          while (rs.next()) {
            List<Integer> at = e.getValue().get(rs.getString(1));
            byte[] packed = rs.getBytes(2);
            if (packed == null || at == null) {
              continue;
            }
            for (int k : at) {
              Dependency d = chunk.get(k);
              MatchCodec.Probe probe = matcher.probe(d);
              found[k] = matcher.matchStored(d, probe,
                  PackedIndex.candidates(packed, probe, path + ": " + d.display()), includeWithdrawn);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new AdvisoryException(path + ": lookup of " + chunk.size() + " dependencies from "
          + chunk.get(0).display() + " failed: " + e.getMessage(), e);
    }
    return found;
  }

  /**
   * The packed row of the dependency's name (one per name, {@link PackedIndex}); for a pinned
   * version only the advisories whose key envelope contains its key. Each decodes its full part
   * only on a match.
   */
  private List<MatchCodec.Reader> candidates(Dependency d, MatchCodec.Probe probe)
      throws AdvisoryException {
    byte[] packed;
    try {
      lookup.setString(1, d.ecosystem().osvName());
      lookup.setString(2, PackageNames.normalize(d.ecosystem(), d.name()));
      try (ResultSet rs = lookup.executeQuery()) {
        if (!rs.next()) {
          return List.of();
        }
        packed = rs.getBytes(1);
      }
    } catch (SQLException e) {
      throw new AdvisoryException(path + ": lookup of " + d.display() + " failed: " + e.getMessage(), e);
    }
    return packed == null ? List.of() : PackedIndex.candidates(packed, probe, path + ": " + d.display());
  }

  /** What the database holds, from meta data written when it was built (no table scan). */
  public DbStatus status() throws AdvisoryException {
    try {
      Map<String, String> meta = meta();
      List<DbStatus.Count> counts = new ArrayList<>();
      int withdrawn = 0;
      for (Ecosystem e : Ecosystem.values()) {
        for (AdvisoryKind k : AdvisoryKind.values()) {
          int n = intMeta(meta, "count." + e.osvName() + "." + k.jsonName());
          counts.add(new DbStatus.Count(e, k, n));
          withdrawn += intMeta(meta, "withdrawn." + e.osvName() + "." + k.jsonName());
        }
      }
      return new DbStatus(path.toString(), intMeta(meta, Schema.SCHEMA_VERSION),
          meta.getOrDefault(Schema.IMPORTED_AT, ""), meta.getOrDefault(Schema.NEWEST_MODIFIED, ""),
          counts, withdrawn, sources(meta));
    } catch (SQLException e) {
      throw new AdvisoryException(path + ": cannot read status: " + e.getMessage(), e);
    }
  }

  private static List<DbStatus.Source> sources(Map<String, String> meta) {
    List<DbStatus.Source> out = new ArrayList<>();
    for (String key : meta.keySet()) {
      if (key.startsWith("source.") && key.endsWith(".location")) {
        String name = key.substring("source.".length(), key.length() - ".location".length());
        out.add(new DbStatus.Source(name, meta.get(key),
            meta.getOrDefault(Schema.sourceKey(name, "etag"), ""),
            meta.getOrDefault(Schema.sourceKey(name, "last_modified"), ""),
            meta.getOrDefault(Schema.sourceKey(name, "imported_at"), ""),
            intMeta(meta, Schema.sourceKey(name, "records"))));
      }
    }
    out.sort(Comparator.comparing(DbStatus.Source::name));
    return out;
  }

  Map<String, String> meta() throws SQLException {
    return meta(conn);
  }

  private static Map<String, String> meta(Connection conn) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement st = conn.prepareStatement("SELECT key, value FROM meta");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private static int intMeta(Map<String, String> meta, String key) {
    try {
      return Integer.parseInt(meta.getOrDefault(key, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      // Already failing; the first error is the one reported.
    }
  }

  @Override
  public void close() {
    closeQuietly(conn);
  }
}
