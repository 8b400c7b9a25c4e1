package dev.bulwark.sweep;

import dev.bulwark.model.Ecosystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where Python distributions live on a machine; names and versions come from folder names. */
final class PythonLocations {
  private PythonLocations() {}

  static List<Path> sitePackages(SweepContext ctx) {
    List<Path> libs = new ArrayList<>();
    libs.add(ctx.underRoot("/usr/lib"));
    libs.add(ctx.underRoot("/usr/local/lib"));
    libs.add(ctx.home.resolve(".local/lib"));
    for (Path v : ctx.fs.list(ctx.home.resolve(".pyenv/versions"))) {
      libs.add(v.resolve("lib"));
    }
    for (Path venv : ctx.homeWalk().virtualenvs()) {
      libs.add(venv.resolve("lib"));
    }
    List<Path> out = new ArrayList<>();
    for (Path lib : libs) {
      for (Path py : ctx.fs.list(lib)) {
        if (Walker.name(py).startsWith("python3")) {
          for (String s : List.of("site-packages", "dist-packages")) {
            if (ctx.fs.isDirectory(py.resolve(s))) {
              out.add(py.resolve(s));
            }
          }
        }
      }
    }
    return out;
  }

  /** {@code name-version.dist-info} and {@code name-version(-pyX.Y).egg-info} folders. */
  static void distributions(SweepContext ctx, Path sitePackages, Consumer<PackageCheck.Found> out) {
    for (Path p : ctx.fs.list(sitePackages)) {
      String n = Walker.name(p);
      String stem = n.endsWith(".dist-info") ? n.substring(0, n.length() - 10)
          : n.endsWith(".egg-info") ? n.substring(0, n.length() - 9) : "";
      int dash = stem.indexOf('-');
      if (dash > 0) {
        String version = stem.substring(dash + 1);
        int py = version.indexOf("-py");
        out.accept(new PackageCheck.Found(Ecosystem.PYPI, stem.substring(0, dash),
            py > 0 ? version.substring(0, py) : version, p));
      }
    }
  }

  /** Wheels built and cached by pip: {@code name-version-tags.whl} under ~/.cache/pip/wheels. */
  static void wheelCache(SweepContext ctx, Consumer<PackageCheck.Found> out) {
    Walker.walk(ctx.fs, ctx.home.resolve(".cache/pip/wheels"), 6, (p, a, depth) -> {
      String n = Walker.name(p);
      if (a.isRegularFile() && n.endsWith(".whl")) {
        String[] parts = n.split("-");
        if (parts.length >= 3) {
          out.accept(new PackageCheck.Found(Ecosystem.PYPI, parts[0], parts[1], p));
        }
      }
      return true;
    });
  }
}
