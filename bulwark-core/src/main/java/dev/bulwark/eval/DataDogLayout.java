package dev.bulwark.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layout of DataDog's malicious-software-packages dataset: {@code <eco>/malicious_intent/
 * <package>/<version>/<package>-v<version>.zip}, where a scoped npm name {@code @scope/name} is
 * stored as the folder {@code @scope@name}, and {@code <eco>/manifest.json} maps each package name to
 * its versions. (Layout facts taken from the dataset as found under the shared corpus folder.)
 */
final class DataDogLayout {
  private static final String INTENT = "malicious_intent";
  private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

  private DataDogLayout() {}

  /** The {@code <eco>} folders under root, root/samples, or root itself; empty if not this layout. */
  static List<Path> ecosystemDirs(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path base : List.of(root, root.resolve("samples"))) {
      if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (isEcoDir(base)) {
        found.add(base);
      }
      for (Path c : DatasetDiscovery.sortedChildren(base)) {
        if (isEcoDir(c)) {
          found.add(c);
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    return found;
  }

  private static boolean isEcoDir(Path dir) {
    return DatasetDiscovery.ecosystemOfName(DatasetDiscovery.name(dir)).isPresent()
        && Files.isDirectory(dir.resolve(INTENT), LinkOption.NOFOLLOW_LINKS);
  }

  static Dataset discover(List<Path> ecoDirs, Label label) throws IOException {
    List<Sample> samples = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path ecoDir : ecoDirs) {
      String ecoName = DatasetDiscovery.name(ecoDir);
      Optional<Ecosystem> eco = DatasetDiscovery.ecosystemOfName(ecoName);
      Set<String> seen = new TreeSet<>();
      for (Path pkgDir : DatasetDiscovery.sortedChildren(ecoDir.resolve(INTENT))) {
        if (!Files.isDirectory(pkgDir, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String pkg = packageName(DatasetDiscovery.name(pkgDir));
        for (Path verDir : DatasetDiscovery.sortedChildren(pkgDir)) {
          String version = DatasetDiscovery.name(verDir);
          List<Path> zips = zips(verDir);
          for (Path zip : zips) {
            String id = ecoName + "/" + pkg + "@" + version;
            if (zips.size() > 1) {
              id += "/" + DatasetDiscovery.name(zip);
            }
            samples.add(Sample.of(id, label, eco, zip));
          }
          if (!zips.isEmpty()) {
            seen.add(pkg + "@" + version);
          }
        }
      }
      notes.addAll(manifestGaps(ecoDir, ecoName, seen));
    }
    return new Dataset(samples, notes);
  }

  private static List<Path> zips(Path verDir) throws IOException {
    if (!Files.isDirectory(verDir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    return DatasetDiscovery.sortedChildren(verDir).stream()
        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
        .filter(p -> DatasetDiscovery.name(p).endsWith(".zip"))
        .toList();
  }

  /** "@scope@name" back to "@scope/name"; other names unchanged. */
  static String packageName(String folder) {
    if (folder.startsWith("@")) {
      int at = folder.indexOf('@', 1);
      if (at > 1) {
        return folder.substring(0, at) + "/" + folder.substring(at + 1);
      }
    }
    return folder;
  }

  /** Manifest entries (name@version) with no sample file found. */
  private static List<String> manifestGaps(Path ecoDir, String ecoName, Set<String> seen) {
    Path manifest = ecoDir.resolve("manifest.json");
    List<String> notes = new ArrayList<>();
    try {
      if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
        return List.of(ecoName + "/manifest.json: not found, samples taken from the folders");
      }
      if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
        return List.of(ecoName + "/manifest.json: too large, not checked");
      }
      JsonNode root = new ObjectMapper().readTree(manifest.toFile());
      Iterator<Map.Entry<String, JsonNode>> it = root.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        for (JsonNode v : e.getValue()) {
          String key = e.getKey() + "@" + v.asText();
          if (!seen.contains(key)) {
            notes.add(ecoName + "/" + key + ": listed in manifest.json, no sample zip found");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      notes.add(ecoName + "/manifest.json: unreadable (" + e.getMessage() + ")");
    }
    return notes.stream().sorted().toList();
  }
}
