package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * setuptools' setup.cfg as a manifest: {@code [options] install_requires} (runtime),
 * {@code tests_require} (dev) and {@code [options.extras_require]} (optional; dev when the extra
 * is named like "dev" or "test"). One requirement per value line; {@code " #"} starts a comment.
 */
final class SetupCfgExtractor implements LockfileExtractor {
  static final String ID = "pypi/setup-cfg";

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
    return fileName.equals("setup.cfg");
  }

  @Override
  public boolean isManifest() {
    return true;
  }

  @Override
  public Inventory extract(LockfileInput input) {
    List<Dependency> deps = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (IniReader.Entry e : IniReader.read(input.text())) {
      boolean options = e.section().equals("options");
      boolean extras = e.section().equals("options.extras_require");
      if (options && e.key().equals("install-requires")) {
        add(input, e, false, false, deps, problems);
      } else if (options && e.key().equals("tests-require")) {
        add(input, e, true, false, deps, problems);
      } else if (extras) {
        add(input, e, DevNames.isDevGroup(e.key()), true, deps, problems);
      }
    }
    return new Inventory(input.displayPath(), ID, Ecosystem.PYPI, deps, List.of(), problems);
  }

  private static void add(LockfileInput in, IniReader.Entry e, boolean dev, boolean optional,
      List<Dependency> deps, List<Problem> problems) {
    for (TomlDocs.Indexed<String> v : e.values()) {
      String text = stripComment(v.value());
      if (text.isEmpty() || text.startsWith("file:") || text.startsWith("attr:")) {
        continue;
      }
      SourceLocation at = SourceLocation.of(in.displayPath(), v.line());
      try {
        Pep508.Requirement r = Pep508.parse(text);
        PyDep d = PyDep.of(r.name(), at).direct(true).dev(dev).optional(optional);
        if (r.url().isEmpty()) {
          d.pin(r.pin());
        } else {
          d.source(PyDep.sourceOfUrl(r.url())).resolved(r.url());
        }
        deps.add(d.pathFrom(in.displayPath()).build());
      } catch (Pep508.SyntaxError ex) {
        problems.add(new Problem("invalid-requirement",
            "invalid requirement '" + Pep508.shorten(text) + "': " + ex.getMessage(), at));
      }
    }
  }

  private static String stripComment(String s) {
    int i = s.indexOf(" #");
    return (s.startsWith("#") ? "" : i >= 0 ? s.substring(0, i) : s).trim();
  }
}
