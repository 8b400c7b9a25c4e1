package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlTable;

/**
 * pdm.lock: {@code [[package]]} with {@code groups} (per package since lock format 4.4),
 * PEP 508 {@code dependencies} as the graph, {@code files} hashes, and git, url and path
 * entries. An entry with {@code extras} repeats its base package: it adds edges, not a package.
 */
final class PdmLockExtractor implements LockfileExtractor {
  static final String ID = "pypi/pdm-lock";

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
    return fileName.equals("pdm.lock");
  }

  @Override
  public Inventory extract(LockfileInput in) throws ExtractionException {
    TomlTable doc = TomlDocs.parse(in);
    List<PyDep> deps = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    LockGraph graph = new LockGraph();
    Set<String> plain = new HashSet<>();
    boolean groupsRecorded = false;
    List<TomlDocs.Indexed<TomlTable>> packages = TomlDocs.tables(doc, "package");
    TomlTable oldFiles = TomlDocs.table(doc, List.of("metadata", "files")).orElse(null);
    for (TomlDocs.Indexed<TomlTable> e : packages) {
      if (TomlDocs.strings(e.value(), "extras").isEmpty()) {
        plain.add(PackageNames.normalizePypi(TomlDocs.str(e.value(), "name")));
      }
    }
    for (TomlDocs.Indexed<TomlTable> e : packages) {
      TomlTable pkg = e.value();
      String name = TomlDocs.str(pkg, "name");
      if (name.isEmpty()) {
        problems.add(new Problem("missing-name", "package entry without a name; skipped", TomlDocs.at(in, e.line())));
        continue;
      }
      PyDep d = PyDep.of(name, TomlDocs.at(in, e.line()));
      graph.add(d.name(), TomlDocs.str(pkg, "version"), edges(pkg));
      boolean extrasEntry = !TomlDocs.strings(pkg, "extras").isEmpty();
      if (extrasEntry && plain.contains(d.name())) {
        continue;
      }
      String version = TomlDocs.str(pkg, "version");
      d.pin(version.isEmpty() ? Pin.range("") : Pin.exact(version)).integrity(firstHash(pkg, oldFiles, name + " " + version));
      List<TomlDocs.Indexed<String>> groups = TomlDocs.strings(pkg, "groups");
      if (!groups.isEmpty()) {
        groupsRecorded = true;
        d.dev(groups.stream().noneMatch(g -> g.value().equals("default")));
      }
      source(pkg, d);
      if (version.isEmpty()) {
        problems.add(new Problem("missing-version", "package " + d.name() + " has no version",
            TomlDocs.at(in, e.line())));
      }
      deps.add(d);
    }
    graph.apply(deps, Siblings.pyproject(in, problems).map(Manifest::roots), in.displayPath(), groupsRecorded);
    return new Inventory(in.displayPath(), ID, Ecosystem.PYPI, deps.stream().map(PyDep::build).toList(),
        List.of(), problems.stream().sorted().toList());
  }

  private static List<String> edges(TomlTable pkg) {
    List<String> out = new ArrayList<>();
    for (TomlDocs.Indexed<String> s : TomlDocs.strings(pkg, "dependencies")) {
      try {
        out.add(PackageNames.normalizePypi(Pep508.parse(s.value()).name()));
      } catch (Pep508.SyntaxError ignored) {
        // an edge we cannot name is left out of the graph; the package itself is still reported
      }
    }
    return out;
  }

  /** The first file hash: per package, or in the {@code [metadata.files]} of lock format 4.0. */
  private static String firstHash(TomlTable pkg, TomlTable oldFiles, String oldKey) {
    List<TomlDocs.Indexed<TomlTable>> files = TomlDocs.tables(pkg, "files");
    if (files.isEmpty() && oldFiles != null) {
      files = TomlDocs.tables(oldFiles, oldKey);
    }
    for (TomlDocs.Indexed<TomlTable> f : files) {
      String h = TomlDocs.str(f.value(), "hash");
      if (!h.isEmpty()) {
        return PyDep.integrityOf(h);
      }
    }
    return "";
  }

  private static void source(TomlTable pkg, PyDep d) {
    String git = TomlDocs.str(pkg, "git");
    if (!git.isEmpty()) {
      String rev = PyprojectReader.firstNonEmpty(TomlDocs.str(pkg, "revision"), TomlDocs.str(pkg, "ref"));
      d.source(DependencySource.GIT).resolved(rev.isEmpty() ? git : git + "@" + rev);
    } else if (!TomlDocs.str(pkg, "url").isEmpty()) {
      d.source(PyDep.sourceOfUrl(TomlDocs.str(pkg, "url"))).resolved(TomlDocs.str(pkg, "url"));
    } else if (!TomlDocs.str(pkg, "path").isEmpty()) {
      d.source(DependencySource.FILE).resolved(TomlDocs.str(pkg, "path"));
    }
  }
}
