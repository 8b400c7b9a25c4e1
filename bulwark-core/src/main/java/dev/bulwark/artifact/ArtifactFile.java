package dev.bulwark.artifact;

import java.util.Objects;

/**
 * One regular file read from a package, in memory.
 *
 * @param path the path inside the package, '/'-separated, normalised, never absolute and never
 *     containing "..". For archives inside archives: "inner.tgz!/package/index.js".
 * @param content the bytes (already bounded by the reader's limits)
 * @param executable whether the archive or file system marked it executable
 */
public record ArtifactFile(String path, byte[] content, boolean executable) {
  public ArtifactFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }

  public String fileName() {
    int i = path.lastIndexOf('/');
    return i < 0 ? path : path.substring(i + 1);
  }
}
