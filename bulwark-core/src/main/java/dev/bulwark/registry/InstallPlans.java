package dev.bulwark.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.inventory.npm.NpmExtractors;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads install plans: the difference between two npm, yarn or pnpm lockfiles, and the JSON
 * report of {@code pip install --dry-run --report -}.
 */
public final class InstallPlans {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ENTRIES = 200_000;

  private InstallPlans() {}

  /** Packages in {@code after} whose name and version are not in {@code before}, sorted. */
  public static List<PlannedPackage> npmLockDiff(String before, String after) throws RegistryException {
    Set<PlannedPackage> old = npmLock(before);
    Set<PlannedPackage> out = new TreeSet<>(npmLock(after));
    out.removeAll(old);
    return List.copyOf(out);
  }

  static Set<PlannedPackage> npmLock(String lock) throws RegistryException {
    Set<PlannedPackage> out = new HashSet<>();
    if (lock.isBlank()) {
      return out;
    }
    JsonNode doc = read(lock, "package-lock.json");
    var it = doc.path("packages").properties().iterator();
    while (it.hasNext() && out.size() < MAX_ENTRIES) {
      var e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      int nm = key.lastIndexOf("node_modules/");
      if (key.isEmpty() || nm < 0 || v.path("link").asBoolean(false)) {
        continue;
      }
      String name = v.path("name").asText(key.substring(nm + "node_modules/".length()));
      String version = v.path("version").asText("");
      if (!version.isEmpty() && !v.path("resolved").asText("").startsWith("file:")) {
        out.add(new PlannedPackage(Ecosystem.NPM, name, version));
      }
    }
    return out;
  }

  /**
   * Packages in the {@code after} lockfile that the {@code before} one lacks at that version, for
   * any npm lockfile format: package-lock.json, yarn.lock (classic and Berry) and pnpm-lock.yaml.
   * Only registry packages at exact versions count (git, file and workspace entries are not
   * registry packages and cannot be checked there).
   */
  public static List<PlannedPackage> lockDiff(String lockfile, String before, String after)
      throws RegistryException {
    if (lockfile.equals("package-lock.json")) {
      return npmLockDiff(before, after);
    }
    Set<PlannedPackage> out = new TreeSet<>(registryPackages(lockfile, after));
    out.removeAll(registryPackages(lockfile, before));
    return List.copyOf(out);
  }

  private static Set<PlannedPackage> registryPackages(String lockfile, String text)
      throws RegistryException {
    Set<PlannedPackage> out = new HashSet<>();
    if (text.isBlank()) {
      return out;
    }
    LockfileExtractor ex = NpmExtractors.all().stream().filter(e -> e.handles(lockfile)).findFirst()
        .orElseThrow(() -> new RegistryException("no reader for " + lockfile));
    Inventory inv;
    try {
      inv = ex.extract(LockfileInput.ofText(lockfile, text));
    } catch (ExtractionException e) {
      throw new RegistryException("cannot read the planned " + lockfile + ": " + e.getMessage());
    }
    for (Dependency d : inv.dependencies()) {
      if (d.source() == DependencySource.REGISTRY && !d.unpinned() && !d.version().isEmpty()
          && out.size() < MAX_ENTRIES) {
        out.add(new PlannedPackage(Ecosystem.NPM, d.name(), d.version()));
      }
    }
    return out;
  }

  /** The packages a pip dry-run report would install, sorted. */
  public static List<PlannedPackage> pipReport(String report) throws RegistryException {
    JsonNode doc = read(report, "pip report");
    Set<PlannedPackage> out = new TreeSet<>();
    for (JsonNode i : doc.path("install")) {
      String name = i.path("metadata").path("name").asText("");
      String version = i.path("metadata").path("version").asText("");
      if (!name.isEmpty() && !version.isEmpty() && out.size() < MAX_ENTRIES) {
        out.add(new PlannedPackage(Ecosystem.PYPI, PackageNames.normalizePypi(name), version));
      }
    }
    return List.copyOf(out);
  }

  private static JsonNode read(String text, String what) throws RegistryException {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RegistryException("cannot read the " + what + ": " + e.getOriginalMessage());
    }
  }
}
