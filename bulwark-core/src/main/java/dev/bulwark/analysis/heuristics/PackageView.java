package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.model.Ecosystem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What package-level heuristics may know about the package around a file.
 *
 * @param ecosystem npm or PyPI when known
 * @param types every shipped file's path and detected type
 * @param prebuiltBinaryShape true when the package looks like a published prebuilt binary (a
 *     {@code bin} entry or a platform-named package, with executables under bin/, prebuilds/ or
 *     similar)
 * @param source read-only text of another shipped Python file (or of the root package.json or a Dockerfile) by its path, decoded lazily and
 *     capped in size; empty for other files, missing files and views without the artifact
 */
public record PackageView(Optional<Ecosystem> ecosystem, Map<String, ContentType> types,
    boolean prebuiltBinaryShape, Function<String, Optional<String>> source) {
  /** Largest sibling source handed out, in bytes. */
  public static final int MAX_SOURCE_BYTES = 512 * 1024;

  public PackageView {
    types = Map.copyOf(types);
  }

  /** A view without access to other files' text. */
  public PackageView(Optional<Ecosystem> ecosystem, Map<String, ContentType> types, boolean prebuiltBinaryShape) {
    this(ecosystem, types, prebuiltBinaryShape, p -> Optional.empty());
  }

  /** A container build file (Dockerfile, Dockerfile.dev, app.dockerfile, Containerfile), whose text {@link #source} hands out. */
  public static boolean isDockerfile(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return base.equals("dockerfile") || base.startsWith("dockerfile.") || base.endsWith(".dockerfile")
        || base.equals("containerfile");
  }

  public static final PackageView EMPTY = new PackageView(Optional.empty(), Map.of(), false);
}
