package dev.bulwark.model;

import java.util.List;
import java.util.Objects;

/**
 * What one lockfile or manifest declares.
 *
 * @param file the display path of the file
 * @param format the extractor id, such as "npm/package-lock" or "pypi/poetry-lock"
 * @param ecosystem npm or PyPI
 * @param dependencies every package extracted, in file order
 * @param sources package indexes and registries the file points at
 * @param problems non-fatal problems met while reading it
 */
public record Inventory(
    String file,
    String format,
    Ecosystem ecosystem,
    List<Dependency> dependencies,
    List<PackageSourceConfig> sources,
    List<Problem> problems) {
  public Inventory {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(ecosystem, "ecosystem");
    dependencies = List.copyOf(dependencies);
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }
}
