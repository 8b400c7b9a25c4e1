package dev.bulwark.model;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.List;
import java.util.Objects;

/**
 * One package extracted from a lockfile or manifest.
 *
 * @param ecosystem npm or PyPI
 * @param name the package name; for PyPI normalised per PEP 503; for npm including any scope
 * @param version the exact resolved version, or, when {@code unpinned}, the range or specifier
 *     text as written ("" when any version is allowed)
 * @param unpinned true when {@code version} is a range, not one exact version
 * @param direct true when the root project (or a workspace member) depends on it directly
 * @param dev true when only needed for development
 * @param optional true when optional
 * @param source registry, git, URL, file, link or workspace
 * @param resolved the resolved URL when the file records it, else ""
 * @param integrity the integrity hash ("sha512-…", "sha256:…") when the file records it, else ""
 * @param location where the entry is written
 * @param path the dependency path from the root, as "name@version" items, root first; the last
 *     item is this package. Empty when the file does not record the graph.
 */
public record Dependency(
    Ecosystem ecosystem,
    String name,
    String version,
    boolean unpinned,
    boolean direct,
    boolean dev,
    boolean optional,
    DependencySource source,
    String resolved,
    String integrity,
    SourceLocation location,
    List<String> path) {

  public Dependency {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(resolved, "resolved");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(location, "location");
    path = List.copyOf(path);
  }

  /** The package URL; the version is omitted when unpinned. */
  public String purl() {
    String ns = null;
    String n = name;
    if (ecosystem == Ecosystem.NPM && name.startsWith("@") && name.indexOf('/') > 0) {
      ns = name.substring(0, name.indexOf('/'));
      n = name.substring(name.indexOf('/') + 1);
    }
    try {
      return new PackageURL(
              ecosystem.purlType(), ns, n, unpinned || version.isEmpty() ? null : version, null, null)
          .canonicalize();
    } catch (MalformedPackageURLException e) {
      return "pkg:" + ecosystem.purlType() + "/" + name + (unpinned ? "" : "@" + version);
    }
  }

  /** "name@version" (npm) or "name==version" (PyPI), for messages. */
  public String display() {
    if (unpinned) {
      return name + (version.isEmpty() ? " (any version)" : " " + version);
    }
    return ecosystem == Ecosystem.NPM ? name + "@" + version : name + "==" + version;
  }
}
