package dev.bulwark.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Ecosystem, name and version of a package, from the manifest nearest its root: package.json
 * (npm), METADATA or PKG-INFO (PyPI, RFC 822 headers), else pyproject.toml, else the mere presence
 * of setup.py or setup.cfg (PyPI, no name). "Nearest" counts nested archives first, then prefers
 * real metadata over pyproject.toml and setup.py, then fewer folders below the innermost
 * archive's root; a manifest more than one folder down is not the package's (except
 * "x/package/package.json" and "x.egg-info/PKG-INFO").
 */
record PackageIdentity(Optional<Ecosystem> ecosystem, String name, String version) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PackageIdentity UNKNOWN = new PackageIdentity(Optional.empty(), "", "");

  static PackageIdentity of(List<ArtifactFile> files) {
    Optional<ArtifactFile> manifest =
        files.stream()
            .filter(f -> rank(f.path()) < 9)
            .min(Comparator.comparingInt((ArtifactFile f) -> nesting(f.path()))
                .thenComparingInt(f -> rank(f.path()) <= 2 ? 0 : 1)
                .thenComparingInt(f -> depth(f.path()))
                .thenComparingInt(f -> rank(f.path()))
                .thenComparing(ArtifactFile::path));
    return manifest.map(PackageIdentity::read).orElse(UNKNOWN);
  }

  private static PackageIdentity read(ArtifactFile f) {
    return switch (f.fileName()) {
      case "package.json" -> npm(f.content());
      case "METADATA", "PKG-INFO" -> new PackageIdentity(
          Optional.of(Ecosystem.PYPI),
          Rfc822Headers.first(f.content(), "Name").orElse(""),
          Rfc822Headers.first(f.content(), "Version").orElse(""));
      case "pyproject.toml" -> pyproject(f.content());
      default -> new PackageIdentity(Optional.of(Ecosystem.PYPI), "", "");
    };
  }

  /** 0 best; 9 means "not a manifest at the package root". */
  private static int rank(String path) {
    String logical = logical(path);
    int depth = depth(path);
    String name = logical.substring(logical.lastIndexOf('/') + 1);
    String parent = depth == 0 ? "" : logical.substring(0, logical.lastIndexOf('/'));
    String dir = parent.substring(parent.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    boolean infoDir = dir.endsWith(".dist-info") || dir.endsWith(".egg-info") || dir.equals("egg-info");
    // Some tarballs wrap the usual package/ folder in one more ("name-1.0/package/…").
    if (name.equals("package.json") && (depth <= 1 || (depth == 2 && dir.equals("package")))) {
      return 0;
    }
    if ((name.equals("METADATA") || name.equals("PKG-INFO")) && (depth <= 1 || infoDir)
        && depth <= 2) {
      return name.equals("METADATA") || depth <= 1 ? 1 : 2;
    }
    if (depth <= 1 && name.equals("pyproject.toml")) {
      return 3;
    }
    return depth <= 1 && (name.equals("setup.py") || name.equals("setup.cfg")) ? 4 : 9;
  }

  private static String logical(String path) {
    int i = path.lastIndexOf("!/");
    return i < 0 ? path : path.substring(i + 2);
  }

  private static int nesting(String path) {
    int n = 0;
    for (int i = path.indexOf("!/"); i >= 0; i = path.indexOf("!/", i + 2)) {
      n++;
    }
    return n;
  }

  private static int depth(String path) {
    String l = logical(path);
    return (int) l.chars().filter(c -> c == '/').count();
  }

  private static PackageIdentity npm(byte[] content) {
    try {
      JsonNode root = JSON.readTree(content);
      return new PackageIdentity(Optional.of(Ecosystem.NPM), text(root, "name"), text(root, "version"));
    } catch (java.io.IOException | RuntimeException e) {
      return new PackageIdentity(Optional.of(Ecosystem.NPM), "", "");
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root == null ? null : root.get(field);
    return v != null && v.isTextual() ? v.asText().trim() : "";
  }

  private static PackageIdentity pyproject(byte[] content) {
    try {
      TomlParseResult t = Toml.parse(new String(content, StandardCharsets.UTF_8));
      String name = t.getString("project.name");
      String version = t.getString("project.version");
      if (name == null) {
        name = t.getString("tool.poetry.name");
        version = t.getString("tool.poetry.version");
      }
      return new PackageIdentity(Optional.of(Ecosystem.PYPI), name == null ? "" : name.trim(),
          version == null ? "" : version.trim());
    } catch (RuntimeException e) {
      return new PackageIdentity(Optional.of(Ecosystem.PYPI), "", "");
    }
  }
}
