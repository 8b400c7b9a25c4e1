package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import java.util.List;
import java.util.Objects;

/**
 * What an advisory database holds.
 *
 * @param path the database file
 * @param schemaVersion the schema version it was written with
 * @param importedAt when it was built (RFC 3339), from the builder's clock
 * @param newestModified the newest {@code modified} time of its records, "" when empty
 * @param counts advisories per ecosystem and kind (withdrawn ones excluded), sorted
 * @param withdrawn withdrawn advisories, which are stored but not matched by default
 * @param sources the archives it was built from, sorted by name
 */
public record DbStatus(
    String path,
    int schemaVersion,
    String importedAt,
    String newestModified,
    List<Count> counts,
    int withdrawn,
    List<Source> sources) {

  /** Advisories for one ecosystem and kind. An advisory affecting both ecosystems counts in each. */
  public record Count(Ecosystem ecosystem, AdvisoryKind kind, int advisories) {
    public Count {
      Objects.requireNonNull(ecosystem, "ecosystem");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * One source of the database.
   *
   * @param name "npm", "PyPI" (updates) or the archive's file name (imports)
   * @param location URL, path, or "embedded sample"
   * @param etag the ETag of the last download, "" when none
   * @param lastModified the Last-Modified of the last download, "" when none
   * @param importedAt when its records were last fetched or read
   * @param records records stored from it
   */
  public record Source(
      String name, String location, String etag, String lastModified, String importedAt, int records) {
    public Source {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(etag, "etag");
      Objects.requireNonNull(lastModified, "lastModified");
      Objects.requireNonNull(importedAt, "importedAt");
    }
  }

  public DbStatus {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(importedAt, "importedAt");
    Objects.requireNonNull(newestModified, "newestModified");
    counts = List.copyOf(counts);
    sources = List.copyOf(sources);
  }

  /** Advisories counted for this ecosystem and kind. */
  public int count(Ecosystem ecosystem, AdvisoryKind kind) {
    return counts.stream()
        .filter(c -> c.ecosystem() == ecosystem && c.kind() == kind)
        .mapToInt(Count::advisories)
        .sum();
  }
}
