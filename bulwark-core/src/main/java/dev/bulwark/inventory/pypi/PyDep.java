package dev.bulwark.inventory.pypi;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.SourceLocation;
import java.util.List;
import java.util.Locale;

/**
 * A PyPI dependency under construction; the extractors fill it and call {@link #build()}. Only a
 * builder because {@link Dependency} has twelve components and most formats set half of them.
 */
final class PyDep {
  private final String name;
  private Pin pin = Pin.range("");
  private boolean direct;
  private boolean dev;
  private boolean optional;
  private DependencySource source = DependencySource.REGISTRY;
  private String resolved = "";
  private String integrity = "";
  private final SourceLocation location;
  private List<String> path = List.of();

  private PyDep(String name, SourceLocation location) {
    this.name = PackageNames.normalizePypi(name);
    this.location = location;
  }

  static PyDep of(String name, SourceLocation location) {
    return new PyDep(name, location);
  }

  String name() {
    return name;
  }

  SourceLocation location() {
    return location;
  }

  Pin pin() {
    return pin;
  }

  PyDep pin(Pin p) {
    this.pin = p;
    return this;
  }

  PyDep direct(boolean d) {
    this.direct = d;
    return this;
  }

  PyDep dev(boolean d) {
    this.dev = d;
    return this;
  }

  PyDep optional(boolean o) {
    this.optional = o;
    return this;
  }

  PyDep source(DependencySource s) {
    this.source = s;
    return this;
  }

  String resolved() {
    return resolved;
  }

  PyDep resolved(String r) {
    this.resolved = r;
    return this;
  }

  PyDep integrity(String i) {
    this.integrity = i;
    return this;
  }

  PyDep path(List<String> p) {
    this.path = p;
    return this;
  }

  /** Path from a manifest or requirements file: [file, this]. */
  PyDep pathFrom(String rootFile) {
    this.path = List.of(rootFile, pin.pathItem(name));
    return this;
  }

  /** The dev and optional flags set so far. */
  record Flags(boolean dev, boolean optional) {}

  Flags flags() {
    return new Flags(dev, optional);
  }

  Dependency build() {
    return new Dependency(Ecosystem.PYPI, name, pin.version(), pin.unpinned(), direct, dev, optional,
        source, resolved, integrity, location, path);
  }

  /** Where a direct URL or path points: VCS, remote archive, or local file. */
  static DependencySource sourceOfUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("git+") || u.startsWith("hg+") || u.startsWith("svn+") || u.startsWith("bzr+")
        || u.startsWith("git://") || u.startsWith("git@") || u.startsWith("ssh://git@")) {
      return DependencySource.GIT;
    }
    if (u.startsWith("http://") || u.startsWith("https://") || u.startsWith("ftp://")) {
      return DependencySource.URL;
    }
    return DependencySource.FILE;
  }

  /** "sha256:hex" from "sha256:hex", "sha256=hex" or a bare 64-hex digest; else as written. */
  static String integrityOf(String hash) {
    String h = hash.trim();
    int eq = h.indexOf('=');
    if (eq > 0 && h.indexOf(':') < 0) {
      h = h.substring(0, eq) + ":" + h.substring(eq + 1);
    }
    return h;
  }
}
