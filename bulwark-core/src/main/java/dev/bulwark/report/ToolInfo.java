package dev.bulwark.report;

import java.util.Objects;

/**
 * What every report says about the tool and the data it used.
 *
 * @param version Bulwark's version
 * @param databaseSource where the advisory data came from ("embedded sample", a URL, a path), or ""
 * @param databaseAge a human description of the data's age, or ""
 */
public record ToolInfo(String version, String databaseSource, String databaseAge) {
  /** The version of the JSON output contract (docs/json-output.md). */
  public static final String SCHEMA_VERSION = "1.0";

  public ToolInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(databaseSource, "databaseSource");
    Objects.requireNonNull(databaseAge, "databaseAge");
  }
}
