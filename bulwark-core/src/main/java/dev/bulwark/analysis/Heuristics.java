package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.heuristics.Heuristic;
import dev.bulwark.analysis.heuristics.PackageView;
import dev.bulwark.analysis.rules.Hit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The heuristics by name, with the package they run in. */
final class Heuristics {
  private final Map<String, Heuristic> byName;
  private final PackageView pkg;

  Heuristics(List<Heuristic> all, PackageView pkg) {
    Map<String, Heuristic> m = new TreeMap<>();
    all.forEach(h -> m.put(h.name(), h));
    this.byName = Map.copyOf(m);
    this.pkg = pkg;
  }

  java.util.Optional<dev.bulwark.model.Ecosystem> ecosystem() {
    return pkg.ecosystem();
  }

  Set<String> names() {
    return byName.keySet();
  }

  /** Runs one heuristic on the file; {@code parses} holds the file's syntax tree, shared with the rules. */
  List<Hit> run(String name, ScanFile f, Map<String, String> params, dev.bulwark.analysis.parse.SharedParse parses) {
    Heuristic h = byName.get(name);
    return h == null ? List.of() : h.find(f, pkg, params, parses);
  }
}
