package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * PEP 751 lock files ({@code pylock.toml}, {@code pylock.<name>.toml}): {@code [[packages]]} with
 * {@code index}, {@code vcs}, {@code archive}, {@code directory}, {@code sdist} and
 * {@code wheels} (with {@code hashes}), and {@code dependencies} as the graph. Each distinct
 * {@code index} is reported as a package index.
 */
final class PylockExtractor implements LockfileExtractor {
  static final String ID = "pypi/pylock";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.PYPI;
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.equals("pylock.toml")
        || fileName.startsWith("pylock.") && fileName.endsWith(".toml") && fileName.length() > 12;
  }

  @Override
  public Inventory extract(LockfileInput in) throws ExtractionException {
    TomlTable doc = TomlDocs.parse(in);
    if (!doc.contains(List.of("lock-version"))) {
      throw new ExtractionException(in.displayPath(), 1, "not a PEP 751 lock file: no lock-version");
    }
    List<PyDep> deps = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, PackageSourceConfig> indexes = new LinkedHashMap<>();
    LockGraph graph = new LockGraph();
    List<String> defaultGroups = TomlDocs.strings(doc, "default-groups").stream()
        .map(TomlDocs.Indexed::value).toList();
    for (TomlDocs.Indexed<TomlTable> e : TomlDocs.tables(doc, "packages")) {
      TomlTable pkg = e.value();
      String name = TomlDocs.str(pkg, "name");
      if (name.isEmpty()) {
        problems.add(new Problem("missing-name", "package entry without a name; skipped", TomlDocs.at(in, e.line())));
        continue;
      }
      String version = TomlDocs.str(pkg, "version");
      PyDep d = PyDep.of(name, TomlDocs.at(in, e.line()))
          .pin(version.isEmpty() ? Pin.range("") : Pin.exact(version));
      String index = TomlDocs.str(pkg, "index");
      if (!index.isEmpty()) {
        indexes.putIfAbsent(index, new PackageSourceConfig(indexes.isEmpty() ? "index-url" : "extra-index-url",
            index, TomlDocs.at(in, TomlDocs.line(pkg, "index"))));
      }
      source(pkg, d);
      groupFlags(d, TomlDocs.str(pkg, "marker"), defaultGroups);
      List<String> edges = new ArrayList<>();
      for (TomlDocs.Indexed<TomlTable> dep : TomlDocs.tables(pkg, "dependencies")) {
        String n = TomlDocs.str(dep.value(), "name");
        if (!n.isEmpty()) {
          edges.add(PackageNames.normalizePypi(n));
        }
      }
      graph.add(d.name(), version, edges);
      deps.add(d);
    }
    boolean markersSay = deps.stream().anyMatch(d -> d.flags().dev() || d.flags().optional());
    graph.apply(deps, Siblings.pyproject(in, problems).map(Manifest::roots), in.displayPath(), markersSay);
    return new Inventory(in.displayPath(), ID, Ecosystem.PYPI, deps.stream().map(PyDep::build).toList(),
        List.copyOf(indexes.values()), problems.stream().sorted().toList());
  }

  private static void source(TomlTable pkg, PyDep d) {
    Optional<TomlTable> vcs = TomlDocs.table(pkg, "vcs");
    Optional<TomlTable> archive = TomlDocs.table(pkg, "archive");
    Optional<TomlTable> dir = TomlDocs.table(pkg, "directory");
    Optional<TomlTable> sdist = TomlDocs.table(pkg, "sdist");
    List<TomlDocs.Indexed<TomlTable>> wheels = TomlDocs.tables(pkg, "wheels");
    if (vcs.isPresent()) {
      String url = PyprojectReader.firstNonEmpty(TomlDocs.str(vcs.get(), "url"), TomlDocs.str(vcs.get(), "path"));
      String commit = TomlDocs.str(vcs.get(), "commit-id");
      d.source(DependencySource.GIT).resolved(commit.isEmpty() ? url : url + "@" + commit);
    } else if (archive.isPresent()) {
      String url = TomlDocs.str(archive.get(), "url");
      d.source(url.isEmpty() ? DependencySource.FILE : PyDep.sourceOfUrl(url))
          .resolved(PyprojectReader.firstNonEmpty(url, TomlDocs.str(archive.get(), "path")))
          .integrity(hash(archive.get()));
    } else if (dir.isPresent()) {
      d.source(DependencySource.FILE).resolved(TomlDocs.str(dir.get(), "path"));
    } else {
      Optional<TomlTable> art = sdist.isPresent() ? sdist
          : wheels.isEmpty() ? Optional.empty() : Optional.of(wheels.get(0).value());
      art.ifPresent(a -> d.resolved(TomlDocs.str(a, "url")).integrity(hash(a)));
    }
  }

  /**
   * PEP 751 markers select packages by group ({@code 'dev' in dependency_groups}) or extra
   * ({@code 'socks' in extras}). A package whose marker names groups, none of them a default
   * group, is dev; one that is selected by an extra is optional. Plain text search, since the
   * marker grammar needs no more for these two tests.
   */
  private static void groupFlags(PyDep d, String marker, List<String> defaultGroups) {
    if (marker.contains("dependency_groups")) {
      boolean inDefault = defaultGroups.stream()
          .anyMatch(g -> marker.contains("'" + g + "'") || marker.contains("\"" + g + "\""));
      d.dev(!inDefault);
    }
    if (marker.contains("in extras") && !marker.contains("dependency_groups")) {
      d.optional(true);
    }
  }

  /** "sha256:hex" from a {@code hashes} table, preferring sha256; "" when none. */
  private static String hash(TomlTable artifact) {
    Optional<TomlTable> hashes = TomlDocs.table(artifact, "hashes");
    if (hashes.isEmpty()) {
      return "";
    }
    String sha = TomlDocs.str(hashes.get(), "sha256");
    if (!sha.isEmpty()) {
      return "sha256:" + sha;
    }
    for (TomlDocs.Keyed k : TomlDocs.entries(hashes.get())) {
      if (k.value() instanceof String v) {
        return k.key() + ":" + v;
      }
    }
    return "";
  }
}
