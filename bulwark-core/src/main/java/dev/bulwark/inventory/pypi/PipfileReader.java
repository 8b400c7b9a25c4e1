package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.PackageSourceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlTable;

/** Reads a Pipfile: {@code [packages]}, {@code [dev-packages]} and {@code [[source]]}. */
final class PipfileReader {
  private PipfileReader() {}

  static Manifest read(LockfileInput in, TomlTable doc) {
    List<PyDep> deps = new ArrayList<>();
    Map<String, String> urls = new HashMap<>();
    for (TomlDocs.Indexed<TomlTable> s : TomlDocs.tables(doc, "source")) {
      urls.putIfAbsent(TomlDocs.str(s.value(), "name"), TomlDocs.str(s.value(), "url"));
    }
    TomlDocs.table(doc, "packages").ifPresent(t -> section(in, t, false, urls, deps));
    TomlDocs.table(doc, "dev-packages").ifPresent(t -> section(in, t, true, urls, deps));
    return new Manifest(deps, sources(in, TomlDocs.tables(doc, "source")), List.of());
  }

  /** The first source replaces the default index; later ones are extra indexes. */
  static List<PackageSourceConfig> sources(LockfileInput in, List<TomlDocs.Indexed<TomlTable>> list) {
    List<PackageSourceConfig> out = new ArrayList<>();
    for (TomlDocs.Indexed<TomlTable> s : list) {
      String url = TomlDocs.str(s.value(), "url");
      if (!url.isEmpty()) {
        out.add(new PackageSourceConfig(out.isEmpty() ? "index-url" : "extra-index-url", url,
            TomlDocs.at(in, s.line())));
      }
    }
    return out;
  }

  private static void section(LockfileInput in, TomlTable table, boolean dev, Map<String, String> urls,
      List<PyDep> deps) {
    for (TomlDocs.Keyed e : TomlDocs.entries(table)) {
      PyDep d = PyDep.of(e.key(), TomlDocs.at(in, e.line())).direct(true).dev(dev);
      if (e.value() instanceof String s) {
        d.pin(Pin.ofSpecifier(s));
      } else if (e.value() instanceof TomlTable t) {
        entryTable(d, t);
        if (d.resolved().isEmpty()) {
          d.resolved(urls.getOrDefault(TomlDocs.str(t, "index"), ""));
        }
      }
      deps.add(d.pathFrom(in.displayPath()));
    }
  }

  private static void entryTable(PyDep d, TomlTable t) {
    String git = TomlDocs.str(t, "git");
    String ref = TomlDocs.str(t, "ref");
    if (!git.isEmpty()) {
      d.source(DependencySource.GIT).resolved(ref.isEmpty() ? git : git + "@" + ref);
    } else if (!TomlDocs.str(t, "path").isEmpty()) {
      d.source(DependencySource.FILE).resolved(TomlDocs.str(t, "path"));
    } else if (!TomlDocs.str(t, "file").isEmpty()) {
      String f = TomlDocs.str(t, "file");
      d.source(PyDep.sourceOfUrl(f)).resolved(f);
    } else {
      d.pin(Pin.ofSpecifier(TomlDocs.str(t, "version")));
    }
  }
}
