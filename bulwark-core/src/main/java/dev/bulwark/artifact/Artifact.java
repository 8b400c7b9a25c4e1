package dev.bulwark.artifact;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Skipped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package read into memory with limits: its files, plus what the reader found (limit hits, path
 * traversal, links, bombs) and what it could not read.
 *
 * @param displayName what to call it in output (archive path or folder)
 * @param ecosystem npm or PyPI when it can be told from the content (package.json, METADATA,
 *     PKG-INFO, setup.py), else empty
 * @param name the package name from its metadata, else ""
 * @param version the version from its metadata, else ""
 * @param files the regular files, sorted by path
 * @param readerFindings findings about the archive itself (zip bomb, traversal, symlink, …)
 * @param skipped entries not read, and why
 * @param errors problems such as a truncated or corrupt archive
 */
public record Artifact(
    String displayName,
    Optional<Ecosystem> ecosystem,
    String name,
    String version,
    List<ArtifactFile> files,
    List<Finding> readerFindings,
    List<Skipped> skipped,
    List<Problem> errors) {
  public Artifact {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    files = List.copyOf(files);
    readerFindings = List.copyOf(readerFindings);
    skipped = List.copyOf(skipped);
    errors = List.copyOf(errors);
  }

  public long totalBytes() {
    long n = 0;
    for (ArtifactFile f : files) {
      n += f.content().length;
    }
    return n;
  }
}
