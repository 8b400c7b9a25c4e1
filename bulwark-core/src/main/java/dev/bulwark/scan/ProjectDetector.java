package dev.bulwark.scan;

import dev.bulwark.artifact.ArtifactFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Tells a project (a repository or take-home assignment) from a package (a published artifact).
 * A project has a package.json, pyproject.toml, requirements.txt or a .git folder, and is not a
 * published package: no PKG-INFO or *.dist-info, not under node_modules or site-packages, not the
 * "package/" folder of an npm tarball.
 */
public final class ProjectDetector {
  private static final Set<String> PROJECT_MARKERS = Set.of(".git", ".vscode", ".devcontainer",
      ".github", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb",
      "requirements.txt", "poetry.lock", "Pipfile", "Pipfile.lock", "uv.lock", "pdm.lock",
      "docker-compose.yml", "compose.yaml", "Makefile", ".env", ".gitignore", "manage.py");
  private static final Set<String> MANIFESTS = Set.of("package.json", "pyproject.toml",
      "requirements.txt", "setup.py");

  private ProjectDetector() {}

  public static boolean isProjectFolder(Path dir) {
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    if (name.equals("node_modules") || name.equals("site-packages") || name.equals("dist-packages")) {
      return false;
    }
    for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      String n = p.getFileName() == null ? "" : p.getFileName().toString();
      if (n.equals("node_modules") || n.equals("site-packages") || n.equals("dist-packages")) {
        return false;
      }
    }
    if (Files.exists(dir.resolve("PKG-INFO"))) {
      return false;
    }
    for (String m : PROJECT_MARKERS) {
      if (Files.exists(dir.resolve(m))) {
        return true;
      }
    }
    if (name.equals("package")) {
      return false;
    }
    // A bare manifest outside node_modules is treated as a project: a take-home folder may hold
    // little more than package.json and the server, and the project triage also runs every code
    // rule, so an unpacked package read this way loses nothing. `--as package` overrides.
    for (String m : MANIFESTS) {
      if (Files.exists(dir.resolve(m))) {
        return true;
      }
    }
    return hasReadme(dir) && subfolderIsProject(dir);
  }

  /** A take-home split into backend/ and frontend/ with only a README at the top. */
  private static boolean hasReadme(Path dir) {
    for (String r : List.of("README.md", "README", "readme.md", "README.txt", "README.rst")) {
      if (Files.isRegularFile(dir.resolve(r))) {
        return true;
      }
    }
    return false;
  }

  private static boolean subfolderIsProject(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.limit(200).filter(Files::isDirectory).anyMatch(d -> {
        String n = d.getFileName().toString();
        return !n.startsWith(".") && !n.equals("node_modules") && !n.equals("site-packages")
            && (MANIFESTS.stream().anyMatch(m -> Files.isRegularFile(d.resolve(m)))
                || Files.isRegularFile(d.resolve("manage.py")));
      });
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  /** For archives: files already stripped of a common top folder. */
  public static boolean isProjectFiles(List<ArtifactFile> files) {
    boolean manifest = false;
    for (ArtifactFile f : files) {
      String p = f.path();
      if (p.equals("PKG-INFO") || p.contains(".dist-info/") || p.startsWith("EGG-INFO/")) {
        return false;
      }
      String top = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
      if (PROJECT_MARKERS.contains(top)) {
        return true;
      }
      manifest |= MANIFESTS.contains(p);
    }
    boolean readme = files.stream().anyMatch(f -> f.path().equalsIgnoreCase("README.md")
        || f.path().equals("README"));
    boolean nested = files.stream().anyMatch(f -> {
      String[] parts = f.path().split("/");
      return parts.length == 2 && !parts[0].startsWith(".") && MANIFESTS.contains(parts[1]);
    });
    return (manifest || readme && nested)
        && files.stream().noneMatch(f -> f.path().startsWith("package/"));
  }
}
