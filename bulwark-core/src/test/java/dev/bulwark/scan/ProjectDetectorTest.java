package dev.bulwark.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectDetectorTest {
  /** files: '|'-separated relative paths created empty ("{}" for package.json). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "root manifest; package.json; true",
      "lockfile; package-lock.json|index.js; true",
      "django; manage.py; true",
      "split take-home; README.md|backend/package.json|frontend/package.json; true",
      "folder of packages; a/package.json|b/package.json; false",
      "published python package; PKG-INFO|setup.py; false",
      "plain folder; notes.txt; false"})
  void detects(String name, String files, boolean project, @TempDir Path tmp) throws Exception {
    for (String f : files.split("\\|")) {
      Path p = tmp.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.endsWith(".json") ? "{}" : "");
    }
    assertThat(ProjectDetector.isProjectFolder(tmp)).as(name).isEqualTo(project);
  }
}
