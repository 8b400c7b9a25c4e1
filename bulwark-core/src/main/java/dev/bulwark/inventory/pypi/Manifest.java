package dev.bulwark.inventory.pypi;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a manifest (pyproject.toml, Pipfile, setup.cfg) declares: direct dependencies, package
 * indexes and problems. Lock extractors read the manifest beside a lockfile for its root names.
 */
record Manifest(List<PyDep> deps, List<PackageSourceConfig> sources, List<Problem> problems) {
  Manifest {
    deps = List.copyOf(deps);
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  List<Dependency> dependencies() {
    return deps.stream().map(PyDep::build).toList();
  }

  /** The graph roots this manifest names. */
  Roots roots() {
    Set<String> main = new LinkedHashSet<>();
    Set<String> dev = new LinkedHashSet<>();
    Set<String> optional = new LinkedHashSet<>();
    for (PyDep d : deps) {
      PyDep.Flags f = d.flags();
      (f.dev() ? dev : f.optional() ? optional : main).add(d.name());
    }
    return new Roots(main, dev, optional);
  }

  /** Root names by kind: main (runtime), dev, optional (extras). */
  record Roots(Set<String> main, Set<String> dev, Set<String> optional) {
    static Roots of(Set<String> main) {
      return new Roots(main, Set.of(), Set.of());
    }

    boolean isEmpty() {
      return main.isEmpty() && dev.isEmpty() && optional.isEmpty();
    }

    Set<String> all() {
      Set<String> s = new LinkedHashSet<>(main);
      s.addAll(dev);
      s.addAll(optional);
      return s;
    }
  }
}
