package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads the dependencies a pyproject.toml declares: PEP 621 {@code [project]}, PEP 735
 * {@code [dependency-groups]} (as dev), Poetry's {@code [tool.poetry]} tables and sources, and
 * the dev groups of PDM and uv.
 */
final class PyprojectReader {
  private final LockfileInput in;
  private final List<PyDep> deps = new ArrayList<>();
  private final List<PackageSourceConfig> sources = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> poetrySources = new HashMap<>();

  private PyprojectReader(LockfileInput in) {
    this.in = in;
  }

  static Manifest read(LockfileInput in, TomlTable doc) {
    PyprojectReader r = new PyprojectReader(in);
    r.pep621(doc);
    r.poetry(doc);
    r.toolGroups(doc);
    List<PyDep> inFileOrder = new ArrayList<>(r.deps);
    inFileOrder.sort(Comparator.comparing(PyDep::location)); // stable: same-line entries keep order
    return new Manifest(inFileOrder, r.sources, r.problems);
  }

  private void pep621(TomlTable doc) {
    TomlDocs.table(doc, "project").ifPresent(project -> {
      pep508List(TomlDocs.array(project, "dependencies"), false, false);
      TomlDocs.table(project, "optional-dependencies").ifPresent(extras -> {
        for (TomlDocs.Keyed e : TomlDocs.entries(extras)) {
          pep508List(asArray(e.value()), DevNames.isDevGroup(e.key()), true);
        }
      });
    });
    TomlDocs.table(doc, "dependency-groups").ifPresent(groups -> {
      for (TomlDocs.Keyed e : TomlDocs.entries(groups)) {
        pep508List(asArray(e.value()), true, false); // {include-group = ...} tables are skipped
      }
    });
  }

  private void toolGroups(TomlTable doc) {
    TomlDocs.table(doc, List.of("tool", "pdm", "dev-dependencies")).ifPresent(groups -> {
      for (TomlDocs.Keyed e : TomlDocs.entries(groups)) {
        pep508List(asArray(e.value()), true, false);
      }
    });
    TomlDocs.table(doc, List.of("tool", "pdm")).ifPresent(pdm -> {
      for (TomlDocs.Indexed<TomlTable> src : TomlDocs.tables(pdm, "source")) {
        String url = TomlDocs.str(src.value(), "url");
        if (!url.isEmpty()) {
          // PDM: a source named "pypi" replaces the default index; others are added to it
          String kind = TomlDocs.str(src.value(), "name").equals("pypi") ? "index-url" : "extra-index-url";
          sources.add(new PackageSourceConfig(kind, url, at(src.line())));
        }
      }
    });
    TomlDocs.table(doc, List.of("tool", "uv")).ifPresent(uv -> {
      pep508List(TomlDocs.array(uv, "dev-dependencies"), true, false);
      for (TomlDocs.Indexed<TomlTable> index : TomlDocs.tables(uv, "index")) {
        String url = TomlDocs.str(index.value(), "url");
        if (!url.isEmpty()) {
          String kind = TomlDocs.bool(index.value(), "default") ? "index-url" : "extra-index-url";
          sources.add(new PackageSourceConfig(kind, url, at(index.line())));
        }
      }
    });
  }

  private static Optional<TomlArray> asArray(Object v) {
    return v instanceof TomlArray a ? Optional.of(a) : Optional.empty();
  }

  private void pep508List(Optional<TomlArray> array, boolean dev, boolean optional) {
    for (TomlDocs.Indexed<String> s : TomlDocs.strings(array)) {
      fromPep508(s.value(), at(s.line())).ifPresent(d -> deps.add(d.dev(dev).optional(optional)));
    }
  }

  private Optional<PyDep> fromPep508(String text, SourceLocation at) {
    try {
      Pep508.Requirement r = Pep508.parse(text);
      PyDep d = PyDep.of(r.name(), at).direct(true);
      if (r.url().isEmpty()) {
        d.pin(r.pin());
      } else {
        d.source(PyDep.sourceOfUrl(r.url())).resolved(r.url());
      }
      return Optional.of(d.pathFrom(in.displayPath()));
    } catch (Pep508.SyntaxError e) {
      problems.add(new Problem("invalid-requirement",
          "invalid requirement '" + Pep508.shorten(text) + "': " + e.getMessage(), at));
      return Optional.empty();
    }
  }

  private void poetry(TomlTable doc) {
    Optional<TomlTable> poetry = TomlDocs.table(doc, List.of("tool", "poetry"));
    if (poetry.isEmpty()) {
      return;
    }
    TomlTable p = poetry.get();
    for (TomlDocs.Indexed<TomlTable> s : TomlDocs.tables(p, "source")) {
      String url = TomlDocs.str(s.value(), "url");
      if (!url.isEmpty()) {
        sources.add(new PackageSourceConfig(poetrySourceKind(s.value()), url, at(s.line())));
        poetrySources.putIfAbsent(TomlDocs.str(s.value(), "name"), url);
      }
    }
    TomlDocs.table(p, "dependencies").ifPresent(t -> poetryDeps(t, false));
    TomlDocs.table(p, "dev-dependencies").ifPresent(t -> poetryDeps(t, true));
    TomlDocs.table(p, "group").ifPresent(groups -> {
      for (TomlDocs.Keyed g : TomlDocs.entries(groups)) {
        if (g.value() instanceof TomlTable gt) {
          boolean dev = !g.key().equals("main"); // Poetry groups besides main are for development
          TomlDocs.table(gt, "dependencies").ifPresent(t -> poetryDeps(t, dev));
        }
      }
    });
  }

  /** Poetry's "primary"/"default" sources replace the default index; the others add to it. */
  static String poetrySourceKind(TomlTable source) {
    String priority = TomlDocs.str(source, "priority").toLowerCase(Locale.ROOT);
    if (priority.equals("primary") || priority.equals("default") || TomlDocs.bool(source, "default")
        || priority.isEmpty() && !TomlDocs.bool(source, "secondary")) {
      return "index-url";
    }
    return "extra-index-url";
  }

  private void poetryDeps(TomlTable table, boolean dev) {
    for (TomlDocs.Keyed e : TomlDocs.entries(table)) {
      if (e.key().equalsIgnoreCase("python")) {
        continue;
      }
      Object v = e.value();
      if (v instanceof TomlArray a && a.size() > 0) {
        v = a.get(0); // several constraints by marker: the first stands for the entry
      }
      PyDep d = PyDep.of(e.key(), at(e.line())).direct(true).dev(dev);
      if (v instanceof String s) {
        d.pin(Pin.ofPoetry(s));
      } else if (v instanceof TomlTable t) {
        poetryTable(d, t);
      }
      deps.add(d.pathFrom(in.displayPath()));
    }
  }

  /** A table entry: version, or git/path/url; a named {@code source} gives the index URL. */
  private void poetryTable(PyDep d, TomlTable t) {
    d.optional(TomlDocs.bool(t, "optional"));
    String git = TomlDocs.str(t, "git");
    if (!git.isEmpty()) {
      String ref = firstNonEmpty(TomlDocs.str(t, "rev"), TomlDocs.str(t, "tag"), TomlDocs.str(t, "branch"));
      d.source(DependencySource.GIT).resolved(ref.isEmpty() ? git : git + "@" + ref);
    } else if (!TomlDocs.str(t, "path").isEmpty()) {
      d.source(DependencySource.FILE).resolved(TomlDocs.str(t, "path"));
    } else if (!TomlDocs.str(t, "url").isEmpty()) {
      d.source(DependencySource.URL).resolved(TomlDocs.str(t, "url"));
    } else {
      d.pin(Pin.ofPoetry(TomlDocs.str(t, "version")))
          .resolved(poetrySources.getOrDefault(TomlDocs.str(t, "source"), ""));
    }
  }

  static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  private SourceLocation at(int line) {
    return TomlDocs.at(in, line);
  }
}
