package dev.bulwark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.audit.OsvLookup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pnpm's store and pip's HTTP cache, on fake trees. Archives are built here, inert, in memory. */
class SweepCachesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

  static byte[] wheel(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String n : names) {
        zip.putNextEntry(new ZipEntry(n));
        zip.write("inert\n".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] sdist(String firstEntry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      byte[] body = "Metadata-Version: 2.1\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(firstEntry);
      e.setSize(body.length);
      tar.putArchiveEntry(e);
      tar.write(body);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static String nv(Optional<String[]> got) {
    return got.map(a -> a[0] + " " + a[1]).orElse("");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "chrome_stealth/__init__.py,chrome_stealth-0.1.0.dist-info/METADATA | chrome_stealth 0.1.0",
      "a/b.py,requests-2.31.0.dist-info/RECORD,requests-2.31.0.dist-info/WHEEL | requests 2.31.0",
      "pkg/x.dist-info/METADATA                                           | ''",
      "only/code.py                                                       | ''",
  })
  void wheelNamesComeFromTheCentralDirectory(String entries, String expected) throws Exception {
    assertThat(nv(PipHttpCache.wheel(wheel(entries.split(","))))).isEqualTo(expected);
  }

  @Test
  void aWheelWhoseDirectoryIsLongerThanTheTailIsStillNamed() throws Exception {
    String[] names = new String[3001];
    for (int i = 0; i < 3000; i++) {
      names[i] = "bigpkg/module_" + i + ".py";
    }
    names[3000] = "bigpkg-4.5.6.dist-info/METADATA";
    byte[] whole = wheel(names);
    byte[] tail = Arrays.copyOfRange(whole, whole.length - 64 * 1024, whole.length);
    assertThat(nv(PipHttpCache.wheel(tail))).isEqualTo("bigpkg 4.5.6");
    assertThat(nv(PipHttpCache.wheel(new byte[] {1, 2, 3}))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python-dateutil-2.8.2/PKG-INFO | python-dateutil 2.8.2",
      "chrome-stealth-0.1.0/setup.py  | chrome-stealth 0.1.0",
      "no-version/PKG-INFO            | ''",
  })
  void sdistNamesComeFromTheFirstTarHeader(String entry, String expected) throws Exception {
    assertThat(nv(PipHttpCache.sdist(sdist(entry)))).isEqualTo(expected);
    byte[] cut = Arrays.copyOf(sdist(entry), 40);
    assertThat(nv(PipHttpCache.sdist(cut))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"name\":\"axios\",\"version\":\"1.14.1\",\"files\":{}}                   | axios 1.14.1",
      "{\"files\":{\"a.js\":{\"size\":1}},\"version\":\"4.2.1\",\"name\":\"plain-crypto-js\"} | plain-crypto-js 4.2.1",
      "{\"files\":{},\"name\":\"nover\"}                                           | ''",
      "{\"name\":\"cut\",\"version                                                  | ''",
      "[1,2,3]                                                                      | ''",
  })
  void pnpmIndexFiles(String json, String expected) {
    assertThat(nv(NpmLocations.pnpmIndex(json.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "9e8f0011-left-pad@1.3.0.json                           | left-pad 1.3.0",
      "9e8f0011-@scope+evil@2.0.0-beta.1.mpk                  | @scope/evil 2.0.0-beta.1",
      "9e8f0011-registry.example.invalid+axios@1.14.1.mpk      | axios 1.14.1",
      "9e8f0011-registry.example.invalid+@scope+evil@2.0.0.mpk | @scope/evil 2.0.0",
      "9e8f0011-noversion.json                                 | ''",
      "9e8f0011-@scope@1.0.0.json                              | ''",
      "plainname.json                                          | ''",
  })
  void pnpm10IndexFileNames(String file, String expected) {
    assertThat(nv(NpmLocations.pnpmIndexName(file))).isEqualTo(expected);
  }

  @Test
  void cachedPackagesAreMatched(@TempDir Path home, @TempDir Path root, @TempDir Path dbDir)
      throws Exception {
    FakeTree.write(home.resolve(".local/share/pnpm/store/v3/files/3f/0a1b2c-index.json"),
        "{\"name\":\"axios\",\"version\":\"1.14.1\",\"files\":{\"package.json\":{\"size\":9}}}");
    FakeTree.write(home.resolve(".local/share/pnpm/store/v3/files/3f/0a1b2c"), "content file");
    FakeTree.write(home.resolve(".local/share/pnpm/store/v10/index/7d/9e8f-left-pad@1.3.0.json"),
        "{\"name\":\"left-pad\",\"version\":\"1.3.0\",\"files\":{}}");
    FakeTree.write(home.resolve(".pnpm-store/v10/index/1c/2d3e-react-plaid-sdk@1.0.0.mpk"),
        "not json: msgpack");
    Path wheelBody = home.resolve(".cache/pip/http-v2/a/b/c/d/e/0123abcd.body");
    Files.createDirectories(wheelBody.getParent());
    Files.write(wheelBody, wheel("chrome_stealth/__init__.py",
        "chrome_stealth-0.1.0.dist-info/METADATA"));
    Path sdistBody = home.resolve(".cache/pip/http-v2/f/0/1/2/3/4567cdef.body");
    Files.createDirectories(sdistBody.getParent());
    Files.write(sdistBody, sdist("requests-2.31.0/PKG-INFO"));
    FakeTree.write(home.resolve(".cache/pip/http-v2/f/0/1/2/3/4567cdef"), "cc=4,metadata");

    Path db = dbDir.resolve("adv.db");
    new AdvisoryImporter(CLOCK).buildEmbeddedDefault(db);
    SweepReport r;
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      r = new Sweeper(new OsvLookup(d), CLOCK).sweep(
          new SweepOptions(home, root, Optional.empty(), List.of(), 600_000, 1_000_000));
    }

    assertThat(r.stats().packagesChecked()).isEqualTo(5);
    assertThat(r.indicators()).extracting(Indicator::kind, Indicator::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ioc-package",
            home.resolve(".local/share/pnpm/store/v3/files/3f/0a1b2c-index.json").toString()),
        org.assertj.core.groups.Tuple.tuple("malicious-package", wheelBody.toString()),
        org.assertj.core.groups.Tuple.tuple("malicious-package",
            home.resolve(".pnpm-store/v10/index/1c/2d3e-react-plaid-sdk@1.0.0.mpk").toString()));
  }
}
