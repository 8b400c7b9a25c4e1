package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.heuristics.PackageView;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

/** Tells the package view heuristics need from the artifact. */
final class PackageShape {
  private PackageShape() {}

  static PackageView view(Artifact a, Map<String, ContentType> types) {
    Map<String, ArtifactFile> byPath = new HashMap<>();
    for (ArtifactFile f : a.files()) {
      if (f.path().endsWith(".py") || rootManifest(f.path()) || PackageView.isDockerfile(f.path())) {
        byPath.putIfAbsent(f.path(), f);
      }
    }
    return new PackageView(a.ecosystem(), types, prebuiltBinary(a), path -> sourceText(byPath.get(path)));
  }

  /** The package's own package.json ("package.json", "package/package.json", "name-1.0/package/package.json"), for the npm hook heuristics. */
  private static boolean rootManifest(String path) {
    // inside a nested archive (pkg.tgz!/pkg-1.0/package/package.json) count from the archive's root
    String inner = path.substring(path.lastIndexOf("!/") < 0 ? 0 : path.lastIndexOf("!/") + 2);
    return (inner.equals("package.json") || inner.endsWith("/package.json")) && !inner.contains("node_modules/")
        && inner.chars().filter(c -> c == '/').count() <= 2;
  }

  /** A Python file's (or the root package.json's or a Dockerfile's) text for heuristics that follow imports or runs: only small files, decoded on demand. */
  private static Optional<String> sourceText(ArtifactFile f) {
    if (f == null || f.content().length > PackageView.MAX_SOURCE_BYTES) {
      return Optional.empty();
    }
    return Optional.of(new String(f.content(), StandardCharsets.UTF_8));
  }

  /**
   * A package that ships a prebuilt tool: its manifest declares an {@code os}/{@code cpu}
   * restriction, or its name carries a platform (esbuild-linux-64, @swc/core-darwin-arm64).
   */
  static boolean prebuiltBinary(Artifact a) {
    String n = a.name().toLowerCase(Locale.ROOT);
    for (String platform : new String[] {"linux", "darwin", "win32", "windows", "macos", "freebsd", "musl", "gnu", "arm64", "x64", "x86_64"}) {
      if (n.contains("-" + platform) || n.contains("_" + platform)) {
        return true;
      }
    }
    for (ArtifactFile f : a.files()) {
      if (f.path().equals("package.json") || f.path().endsWith("/package.json") && f.path().indexOf('/') == f.path().lastIndexOf('/')) {
        String s = new String(f.content(), 0, Math.min(f.content().length, 64 * 1024), StandardCharsets.UTF_8);
        if (s.contains("\"os\"") || s.contains("\"cpu\"")) {
          return true;
        }
      }
    }
    return false;
  }
}
