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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * poetry.lock: {@code [[package]]} entries, their {@code [package.dependencies]} as the graph,
 * {@code [package.source]}, and file hashes (per package, or in the old
 * {@code [metadata.files]}). Direct dependencies come from the pyproject.toml beside it, else
 * from the graph's roots. A "legacy" source is a custom index: it is reported as an
 * extra-index-url, since the lock does not record its priority.
 */
final class PoetryLockExtractor implements LockfileExtractor {
  static final String ID = "pypi/poetry-lock";

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
    return fileName.equals("poetry.lock");
  }

  @Override
  public Inventory extract(LockfileInput in) throws ExtractionException {
    TomlTable doc = TomlDocs.parse(in);
    TomlTable oldFiles = TomlDocs.table(doc, List.of("metadata", "files")).orElse(null);
    List<PyDep> deps = new ArrayList<>();
    Map<String, PackageSourceConfig> sources = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    LockGraph graph = new LockGraph();
    boolean groupsRecorded = false;
    for (TomlDocs.Indexed<TomlTable> entry : TomlDocs.tables(doc, "package")) {
      TomlTable pkg = entry.value();
      String name = TomlDocs.str(pkg, "name");
      String version = TomlDocs.str(pkg, "version");
      if (name.isEmpty()) {
        problems.add(new Problem("missing-name", "package entry without a name; skipped", TomlDocs.at(in, entry.line())));
        continue;
      }
      PyDep d = PyDep.of(name, TomlDocs.at(in, entry.line()))
          .pin(version.isEmpty() ? Pin.range("") : Pin.exact(version))
          .optional(TomlDocs.bool(pkg, "optional"));
      groupsRecorded |= devFlag(pkg, d);
      d.integrity(firstHash(TomlDocs.tables(pkg, "files"), oldFiles, name));
      TomlDocs.table(pkg, "source").ifPresent(s -> source(in, d, s, sources));
      List<String> edges = new ArrayList<>();
      TomlDocs.table(pkg, "dependencies").ifPresent(t -> t.keySet().forEach(k -> edges.add(PackageNames.normalizePypi(k))));
      graph.add(d.name(), version, edges);
      if (version.isEmpty()) {
        problems.add(new Problem("missing-version", "package " + d.name() + " has no version",
            TomlDocs.at(in, entry.line())));
      }
      deps.add(d);
    }
    Optional<Manifest> manifest = Siblings.pyproject(in, problems);
    graph.apply(deps, manifest.map(Manifest::roots), in.displayPath(), groupsRecorded);
    return new Inventory(in.displayPath(), ID, Ecosystem.PYPI, deps.stream().map(PyDep::build).toList(),
        kindsFromManifest(sources.values(), manifest), problems.stream().sorted().toList());
  }

  /** A source declared in the pyproject.toml beside the lock says whether it is the main index. */
  private static List<PackageSourceConfig> kindsFromManifest(Collection<PackageSourceConfig> fromLock,
      Optional<Manifest> manifest) {
    Map<String, String> declared = new HashMap<>();
    manifest.ifPresent(m -> m.sources().forEach(s -> declared.putIfAbsent(s.url(), s.kind())));
    return fromLock.stream()
        .map(s -> new PackageSourceConfig(declared.getOrDefault(s.url(), s.kind()), s.url(), s.location()))
        .toList();
  }

  /** Sets dev from {@code category} (Poetry before 1.5) or {@code groups} (Poetry 2); false if neither. */
  private static boolean devFlag(TomlTable pkg, PyDep d) {
    String category = TomlDocs.str(pkg, "category");
    if (!category.isEmpty()) {
      d.dev(category.equals("dev"));
      return true;
    }
    List<TomlDocs.Indexed<String>> groups = TomlDocs.strings(pkg, "groups");
    if (!groups.isEmpty()) {
      d.dev(groups.stream().noneMatch(g -> g.value().equals("main")));
      return true;
    }
    return false;
  }

  private static String firstHash(List<TomlDocs.Indexed<TomlTable>> files, TomlTable oldFiles, String name) {
    List<TomlDocs.Indexed<TomlTable>> list = files;
    if (list.isEmpty() && oldFiles != null) {
      list = TomlDocs.tables(oldFiles, name);
    }
    for (TomlDocs.Indexed<TomlTable> f : list) {
      String h = TomlDocs.str(f.value(), "hash");
      if (!h.isEmpty()) {
        return PyDep.integrityOf(h);
      }
    }
    return "";
  }

  private static void source(LockfileInput in, PyDep d, TomlTable s, Map<String, PackageSourceConfig> sources) {
    String type = TomlDocs.str(s, "type");
    String url = TomlDocs.str(s, "url");
    switch (type) {
      case "git" -> {
        String ref = PyprojectReader.firstNonEmpty(TomlDocs.str(s, "resolved_reference"), TomlDocs.str(s, "reference"));
        d.source(DependencySource.GIT).resolved(ref.isEmpty() ? url : url + "@" + ref);
      }
      case "url" -> d.source(DependencySource.URL).resolved(url);
      case "file", "directory" -> d.source(DependencySource.FILE).resolved(url);
      case "legacy" -> {
        d.resolved(url);
        if (!url.isEmpty()) {
          sources.putIfAbsent(url, new PackageSourceConfig("extra-index-url", url,
              TomlDocs.at(in, TomlDocs.line(s, "url"))));
        }
      }
      default -> { }
    }
  }
}
