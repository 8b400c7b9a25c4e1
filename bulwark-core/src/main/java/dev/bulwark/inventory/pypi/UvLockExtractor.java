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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlTable;

/**
 * uv.lock: {@code [[package]]} with {@code source}, {@code dependencies},
 * {@code optional-dependencies}, {@code dev-dependencies}, and sdist and wheel hashes. Packages
 * with an editable or virtual source are the project and its workspace members: they are not
 * dependencies, but their dependency lists name the direct ones (dev groups as dev, extras as
 * optional). Each distinct registry is reported as a package index, the first as index-url.
 */
final class UvLockExtractor implements LockfileExtractor {
  static final String ID = "pypi/uv-lock";

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
    return fileName.equals("uv.lock");
  }

  @Override
  public Inventory extract(LockfileInput in) throws ExtractionException {
    TomlTable doc = TomlDocs.parse(in);
    State st = new State();
    for (TomlDocs.Indexed<TomlTable> e : TomlDocs.tables(doc, "package")) {
      TomlTable pkg = e.value();
      String name = TomlDocs.str(pkg, "name");
      if (name.isEmpty()) {
        st.problems.add(new Problem("missing-name", "package entry without a name; skipped", TomlDocs.at(in, e.line())));
        continue;
      }
      Optional<TomlTable> source = TomlDocs.table(pkg, "source");
      if (source.isPresent() && (source.get().contains(List.of("editable")) || source.get().contains(List.of("virtual")))) {
        st.main.addAll(names(pkg, "dependencies"));
        st.dev.addAll(groupNames(pkg, "dev-dependencies"));
        st.optional.addAll(groupNames(pkg, "optional-dependencies"));
      } else {
        st.deps.add(dependency(in, e, source, st));
      }
    }
    Optional<Manifest.Roots> roots = st.main.isEmpty() && st.dev.isEmpty() && st.optional.isEmpty()
        ? Optional.empty() : Optional.of(new Manifest.Roots(st.main, st.dev, st.optional));
    st.graph.apply(st.deps, roots, in.displayPath(), false);
    return new Inventory(in.displayPath(), ID, Ecosystem.PYPI, st.deps.stream().map(PyDep::build).toList(),
        List.copyOf(st.registries.values()), st.problems.stream().sorted().toList());
  }

  /** What one extraction collects. */
  private static final class State {
    final List<PyDep> deps = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, PackageSourceConfig> registries = new LinkedHashMap<>();
    final LockGraph graph = new LockGraph();
    final Set<String> main = new LinkedHashSet<>();
    final Set<String> dev = new LinkedHashSet<>();
    final Set<String> optional = new LinkedHashSet<>();
  }

  private static PyDep dependency(LockfileInput in, TomlDocs.Indexed<TomlTable> e, Optional<TomlTable> source, State st) {
    TomlTable pkg = e.value();
    String version = TomlDocs.str(pkg, "version");
    PyDep d = PyDep.of(TomlDocs.str(pkg, "name"), TomlDocs.at(in, e.line()))
        .pin(version.isEmpty() ? Pin.range("") : Pin.exact(version));
    if (version.isEmpty()) {
      st.problems.add(new Problem("missing-version", "package " + d.name() + " has no version", TomlDocs.at(in, e.line())));
    }
    source.ifPresent(t -> source(d, t));
    String registry = source.map(t -> TomlDocs.str(t, "registry")).orElse("");
    if (!registry.isEmpty() && !st.registries.containsKey(registry)) {
      st.registries.put(registry, new PackageSourceConfig(st.registries.isEmpty() ? "index-url" : "extra-index-url",
          registry, TomlDocs.at(in, e.line())));
    }
    artifact(pkg, d);
    List<String> edges = new ArrayList<>(names(pkg, "dependencies"));
    edges.addAll(groupNames(pkg, "optional-dependencies"));
    st.graph.add(d.name(), version, edges);
    return d;
  }

  private static List<String> names(TomlTable t, String key) {
    List<String> out = new ArrayList<>();
    for (TomlDocs.Indexed<TomlTable> d : TomlDocs.tables(t, key)) {
      String n = TomlDocs.str(d.value(), "name");
      if (!n.isEmpty()) {
        out.add(PackageNames.normalizePypi(n));
      }
    }
    return out;
  }

  /** Names in a table of groups or extras, each an array of {name = ...} tables. */
  private static List<String> groupNames(TomlTable t, String key) {
    List<String> out = new ArrayList<>();
    TomlDocs.table(t, key).ifPresent(groups -> {
      for (String g : groups.keySet()) {
        out.addAll(names(groups, g));
      }
    });
    return out;
  }

  private static void source(PyDep d, TomlTable s) {
    if (!TomlDocs.str(s, "git").isEmpty()) {
      d.source(DependencySource.GIT).resolved(TomlDocs.str(s, "git"));
    } else if (!TomlDocs.str(s, "url").isEmpty()) {
      d.source(DependencySource.URL).resolved(TomlDocs.str(s, "url"));
    } else if (!TomlDocs.str(s, "path").isEmpty() || !TomlDocs.str(s, "directory").isEmpty()) {
      d.source(DependencySource.FILE)
          .resolved(PyprojectReader.firstNonEmpty(TomlDocs.str(s, "path"), TomlDocs.str(s, "directory")));
    }
  }

  /** The sdist (else first wheel) URL and hash, when the source did not already set a URL. */
  private static void artifact(TomlTable pkg, PyDep d) {
    Optional<TomlTable> sdist = TomlDocs.table(pkg, "sdist");
    List<TomlDocs.Indexed<TomlTable>> wheels = TomlDocs.tables(pkg, "wheels");
    Optional<TomlTable> art = sdist.isPresent() ? sdist
        : wheels.isEmpty() ? Optional.empty() : Optional.of(wheels.get(0).value());
    art.ifPresent(a -> {
      String hash = TomlDocs.str(a, "hash");
      if (!hash.isEmpty()) {
        d.integrity(PyDep.integrityOf(hash));
      }
      if (d.resolved().isEmpty()) {
        d.resolved(TomlDocs.str(a, "url"));
      }
    });
  }
}
