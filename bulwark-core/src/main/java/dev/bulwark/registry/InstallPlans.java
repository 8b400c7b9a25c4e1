package dev.bulwark.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads install plans: the difference between two npm lockfiles (v2/v3 "packages" maps), and the
 * JSON report of {@code pip install --dry-run --report -}.
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
