package dev.bulwark.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Links in the package archive itself are findings; links inside an archive the package ships
 * (a time-zone database whose zones are hard links to each other) are data that installing never
 * unpacks, unless the link leaves that archive.
 */
class NestedArchiveLinksTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} to {1}, nested {2}: finding {3}")
  @CsvSource({
    "HARDLINK, zoneinfo/UTC, false, archive-hardlink",
    "HARDLINK, zoneinfo/UTC, true, ''",
    "SYMLINK, zoneinfo/UTC, true, ''",
    "HARDLINK, ../../../etc/passwd, true, archive-hardlink",
    "SYMLINK, /home/user/.ssh/id_rsa, true, archive-symlink",
    "SYMLINK, zoneinfo/UTC, false, archive-symlink",
  })
  void linkFindings(TestArchives.Type type, String target, boolean nested, String finding) throws IOException {
    List<TestArchives.Entry> zone = List.of(
        TestArchives.file("zoneinfo/UTC", "TZif2"),
        TestArchives.link(type, "zoneinfo/Etc/UTC", target));
    List<TestArchives.Entry> outer = nested
        ? List.of(TestArchives.file("package/index.js", "module.exports = 1;"),
            TestArchives.file("package/data/zoneinfo.tar.gz", TestArchives.gzip(TestArchives.tar(zone))))
        : List.of(TestArchives.file("package/index.js", "module.exports = 1;"),
            TestArchives.file("package/zoneinfo/UTC", "TZif2"),
            TestArchives.link(type, "package/zoneinfo/Etc/UTC", target));
    Path p = tmp.resolve("pkg.tgz");
    Files.write(p, TestArchives.gzip(TestArchives.tar(outer)));

    Artifact a = new ArtifactReader(ReaderLimits.defaults()).read(p, Optional.empty()).get(0);

    List<String> rules = a.readerFindings().stream().map(f -> f.ruleId()).toList();
    assertThat(rules).isEqualTo(finding.isEmpty() ? List.of() : List.of(finding));
    assertThat(a.files()).noneMatch(f -> f.path().endsWith("Etc/UTC"));
  }
}
