package dev.bulwark.eval;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the samples of a dataset folder. Understands, in this order:
 *
 * <ol>
 *   <li>the DataDog malicious-packages layout: {@code [samples/]<npm|pypi>/malicious_intent/
 *       <package>/<version>/*.zip}, with {@code <npm|pypi>/manifest.json};
 *   <li>an installed Python tree ({@code site-packages}): one sample per {@code *.dist-info};
 *   <li>a single package folder (it holds package.json, setup.py, pyproject.toml or PKG-INFO);
 *   <li>a folder of packages: each archive ({@code .tgz .tar.gz .whl .zip}) and each non-hidden
 *       sub-folder is one sample; sub-folders named after an ecosystem, or holding archives, are
 *       folders of packages themselves (one level deep).
 * </ol>
 *
 * Symbolic links are never followed. Ids are prefixed with the dataset folder's name.
 */
public final class DatasetDiscovery {
  static final int MAX_SAMPLES = 200_000;
  private static final List<String> ARCHIVES = List.of(".tgz", ".tar.gz", ".whl", ".zip");
  private static final List<String> PACKAGE_MARKERS =
      List.of("package.json", "setup.py", "pyproject.toml", "PKG-INFO", "setup.cfg");

  private DatasetDiscovery() {}

  /** Discovers every root and merges the results. */
  public static Dataset discover(List<Path> roots, Label label) throws IOException {
    Dataset all = Dataset.empty();
    for (Path root : roots) {
      all = all.plus(discover(root, label));
    }
    return all;
  }

  public static Dataset discover(Path root, Label label) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS) && isArchive(root)) {
        return new Dataset(List.of(archive(root, name(root), label)), List.of());
      }
      throw new IOException(root + ": not a folder or package archive");
    }
    List<Path> ecoDirs = DataDogLayout.ecosystemDirs(root);
    if (!ecoDirs.isEmpty()) {
      return DataDogLayout.discover(ecoDirs, label);
    }
    if (InstalledPackages.isSitePackages(root)) {
      return InstalledPackages.discover(root, name(root), label);
    }
    if (isPackageFolder(root)) {
      return new Dataset(
          List.of(Sample.of(name(root), label, ecosystemFromPath(root), root)), List.of());
    }
    List<Sample> samples = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    folderOfPackages(root, name(root), label, 1, samples, notes);
    return new Dataset(samples, notes);
  }

  private static void folderOfPackages(
      Path dir, String prefix, Label label, int depthLeft, List<Sample> out, List<String> notes)
      throws IOException {
    for (Path child : sortedChildren(dir)) {
      String n = name(child);
      if (n.startsWith(".") || out.size() >= MAX_SAMPLES) {
        continue;
      }
      String id = prefix + "/" + n;
      if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        if (isArchive(child)) {
          out.add(archive(child, id, label));
        } else {
          notes.add(id + ": skipped, not a package archive");
        }
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        if (depthLeft > 0 && isGroup(child)) {
          folderOfPackages(child, id, label, depthLeft - 1, out, notes);
        } else {
          out.add(Sample.of(id, label, ecosystemFromPath(child), child));
        }
      } else {
        notes.add(id + ": skipped, a link or special file");
      }
    }
  }

  private static Sample archive(Path file, String id, Label label) {
    Optional<Ecosystem> eco =
        name(file).endsWith(".whl") ? Optional.of(Ecosystem.PYPI) : ecosystemFromPath(file);
    return Sample.of(id, label, eco, file);
  }

  /** A sub-folder that holds packages rather than being one. */
  private static boolean isGroup(Path dir) throws IOException {
    if (isPackageFolder(dir)) {
      return false;
    }
    if (ecosystemOfName(name(dir)).isPresent()) {
      return true;
    }
    for (Path c : sortedChildren(dir)) {
      if (Files.isRegularFile(c, LinkOption.NOFOLLOW_LINKS) && isArchive(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPackageFolder(Path dir) {
    for (String m : PACKAGE_MARKERS) {
      if (Files.isRegularFile(dir.resolve(m), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  static boolean isArchive(Path p) {
    String n = name(p).toLowerCase(Locale.ROOT);
    return ARCHIVES.stream().anyMatch(n::endsWith);
  }

  /** The ecosystem named by the nearest path component that names one, else empty. */
  static Optional<Ecosystem> ecosystemFromPath(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    for (int i = abs.getNameCount() - 1; i >= 0; i--) {
      Optional<Ecosystem> e = ecosystemOfName(abs.getName(i).toString());
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  static Optional<Ecosystem> ecosystemOfName(String component) {
    String c = component.toLowerCase(Locale.ROOT);
    if (c.equals("npm") || c.equals("node_modules")) {
      return Optional.of(Ecosystem.NPM);
    }
    if (c.equals("pypi") || c.startsWith("pypi-") || c.equals("site-packages")
        || c.equals("dist-packages")) {
      return Optional.of(Ecosystem.PYPI);
    }
    return Optional.empty();
  }

  static List<Path> sortedChildren(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().limit(MAX_SAMPLES).toList();
    }
  }

  static String name(Path p) {
    Path f = p.toAbsolutePath().normalize().getFileName();
    return f == null ? "/" : f.toString();
  }
}
