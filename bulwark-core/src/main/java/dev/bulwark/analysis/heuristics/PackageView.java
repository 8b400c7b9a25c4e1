package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.model.Ecosystem;
import java.util.Map;
import java.util.Optional;

/**
 * What package-level heuristics may know about the package around a file.
 *
 * @param ecosystem npm or PyPI when known
 * @param types every shipped file's path and detected type
 * @param prebuiltBinaryShape true when the package looks like a published prebuilt binary (a
 *     {@code bin} entry or a platform-named package, with executables under bin/, prebuilds/ or
 *     similar)
 */
public record PackageView(Optional<Ecosystem> ecosystem, Map<String, ContentType> types,
    boolean prebuiltBinaryShape) {
  public PackageView {
    types = Map.copyOf(types);
  }

  public static final PackageView EMPTY = new PackageView(Optional.empty(), Map.of(), false);
}
