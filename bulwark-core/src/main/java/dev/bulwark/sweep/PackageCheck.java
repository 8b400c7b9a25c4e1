package dev.bulwark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installed and cached packages: global node_modules, the npm, yarn and pnpm caches, Python
 * site-packages (system, user, pyenv, virtual environments) and pip's wheel and HTTP caches. Each
 * (ecosystem, name, version) is matched against malicious advisories and IOC package lists.
 */
final class PackageCheck {
  /** One package found on disk. */
  record Found(Ecosystem ecosystem, String name, String version, Path where) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MANIFEST = 256 * 1024;

  private final SweepContext ctx;
  private final AdvisoryLookup lookup;
  private final Map<String, Found> found = new LinkedHashMap<>();
  private boolean lookupFailed;

  PackageCheck(SweepContext ctx, AdvisoryLookup lookup) {
    this.ctx = ctx;
    this.lookup = lookup;
  }

  int checked() {
    return found.size();
  }

  boolean lookupFailed() {
    return lookupFailed;
  }

  List<Found> found() {
    return List.copyOf(found.values());
  }

  void run() {
    for (Path nm : NpmLocations.globalNodeModules(ctx)) {
      nodeModules(nm);
    }
    NpmLocations.npmCache(ctx, this::add);
    NpmLocations.yarnCache(ctx, this::add);
    NpmLocations.pnpmStore(ctx, this::add);
    for (Path sp : PythonLocations.sitePackages(ctx)) {
      PythonLocations.distributions(ctx, sp, this::add);
    }
    PythonLocations.wheelCache(ctx, this::add);
    PipHttpCache.scan(ctx, this::add);
    for (Found f : found.values()) {
      match(f);
    }
  }

  void add(Found f) {
    String key = f.ecosystem() + ":" + f.name() + "@" + f.version() + " " + f.where();
    found.putIfAbsent(key, f);
  }

  private void nodeModules(Path nm) {
    for (Path p : ctx.fs.list(nm)) {
      String n = Walker.name(p);
      if (n.equals(".pnpm")) {
        for (Path q : ctx.fs.list(p)) {
          NpmLocations.pnpmName(Walker.name(q)).ifPresent(nv ->
              add(new Found(dev.bulwark.model.Ecosystem.NPM, nv[0], nv[1], q)));
        }
      } else if (n.startsWith("@")) {
        for (Path q : ctx.fs.list(p)) {
          manifest(q);
        }
      } else if (!n.startsWith(".")) {
        manifest(p);
      }
    }
  }

  private void manifest(Path pkgDir) {
    Optional<String> text = ctx.fs.readText(pkgDir.resolve("package.json"), MAX_MANIFEST);
    if (text.isEmpty()) {
      return;
    }
    try {
      JsonNode n = JSON.readTree(text.get());
      String name = n.path("name").asText("");
      String version = n.path("version").asText("");
      if (!name.isEmpty()) {
        add(new Found(Ecosystem.NPM, name, version, pkgDir));
      }
    } catch (java.io.IOException e) {
      ctx.note("unreadable package.json: " + pkgDir);
    }
  }

  private void match(Found f) {
    String name = f.ecosystem() == Ecosystem.PYPI ? PackageNames.normalizePypi(f.name()) : f.name();
    String label = f.ecosystem().osvName() + " " + name + (f.version().isEmpty() ? "" : " " + f.version());
    ctx.feed.knownPackage(f.ecosystem(), name, f.version()).ifPresent(h ->
        ctx.indicator(Indicator.Area.PACKAGES, true, "ioc-package", f.where(),
            label + " is on an IOC list (" + h.ioc().value() + ")", "", h.ioc().source()));
    if (f.version().isEmpty()) {
      return;
    }
    Dependency d = new Dependency(f.ecosystem(), name, f.version(), false, true, false, false,
        DependencySource.REGISTRY, "", "", SourceLocation.of(f.where().toString()), List.of());
    try {
      for (AuditFinding a : lookup.lookup(d)) {
        if (a.kind() == AdvisoryKind.MALICIOUS) {
          ctx.indicator(Indicator.Area.PACKAGES, true, "malicious-package", f.where(),
              label + " is malicious (" + a.id() + ")", "", a.id());
        }
      }
    } catch (AdvisoryLookup.LookupException e) {
      if (!lookupFailed) {
        ctx.note("advisory lookup failed: " + e.getMessage());
      }
      lookupFailed = true;
    }
  }
}
