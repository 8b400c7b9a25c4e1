package dev.bulwark.advisory;

import java.util.Objects;

/**
 * What one archive or folder contributed to the database.
 *
 * @param name the source's key in the database ("npm", "PyPI", or the archive's file name)
 * @param location where it was read from: a URL, a path, or "embedded sample"
 * @param records records stored
 * @param malicious of which malicious-package records
 * @param withdrawn of which withdrawn records (stored, but not matched by default)
 * @param otherEcosystems records skipped because they affect neither npm nor PyPI
 * @param failed entries skipped because they were malformed or too large
 * @param unchanged true when an update found the source unchanged (HTTP 304) and kept its records
 */
public record SourceImport(
    String name,
    String location,
    int records,
    int malicious,
    int withdrawn,
    int otherEcosystems,
    int failed,
    boolean unchanged) {
  public SourceImport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }
}
