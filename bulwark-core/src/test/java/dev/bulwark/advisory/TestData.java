package dev.bulwark.advisory;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the advisory tests. */
final class TestData {
  private TestData() {}

  static byte[] resource(String name) {
    try (InputStream in = TestData.class.getResourceAsStream("testdata/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OsvRecord record(String name) throws AdvisoryException {
    return OsvParser.parse(resource(name), name);
  }

  static Dependency exact(Ecosystem eco, String name, String version) {
    return dep(eco, name, version, false);
  }

  static Dependency dep(Ecosystem eco, String name, String version, boolean unpinned) {
    return new Dependency(eco, name, version, unpinned, true, false, false,
        DependencySource.REGISTRY, "", "", SourceLocation.of("test"), List.of());
  }

  /**
   * The folder of the real OSV archives: the shared data folder beside the project when present
   * (as on developer machines and CI), else the identical copies embedded as resources.
   */
  static Path osvArchives() {
    for (String candidate : List.of("../../shared/data/osv", "../shared/data/osv")) {
      Path p = Path.of(candidate);
      if (Files.isRegularFile(p.resolve("npm-nswg.zip"))) {
        return p;
      }
    }
    return Path.of("src/main/resources/dev/bulwark/advisory/data");
  }
}
