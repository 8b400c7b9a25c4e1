package dev.bulwark.artifact;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One package of an input, read only when {@link #read()} is called. A {@code node_modules} or
 * {@code site-packages} folder is planned first (names and paths only) and each package is then
 * read by the thread that analyses it, so that only the packages being analysed are in memory.
 * Reading never throws: problems become findings, skipped entries or errors of the artifact.
 *
 * @param displayName the name the artifact will have
 */
public record LazyArtifact(String displayName, Supplier<Artifact> reader) {
  public LazyArtifact {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(reader, "reader");
  }

  /** Reads the package now (each call reads it again). */
  public Artifact read() {
    return reader.get();
  }
}
