package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Imports the real OSV archives once and looks up real packages in them. */
class AdvisoryImportTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);
  static final List<String> ARCHIVES =
      List.of("PyPI-pysec.zip", "npm-nswg.zip", "MAL-npm-sample.zip", "MAL-PyPI-sample.zip");

  @TempDir static Path shared;
  static Path db;
  static ImportResult result;

  @BeforeAll
  static void importRealArchives() throws Exception {
    db = shared.resolve("advisories.db");
    List<Path> sources = ARCHIVES.stream().map(TestData.osvArchives()::resolve).toList();
    result = new AdvisoryImporter(CLOCK).importSources(sources, db);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "PyPI-pysec.zip, 2661, 0, 10",
    "npm-nswg.zip, 467, 1, 0",
    "MAL-npm-sample.zip, 79, 79, 0",
    "MAL-PyPI-sample.zip, 40, 40, 0"
  })
  void importsEveryRecordOfTheRealArchives(String name, int records, int malicious, int withdrawn) {
    SourceImport s = result.sources().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();

    assertThat(s.records()).isEqualTo(records);
    assertThat(s.malicious()).isEqualTo(malicious);
    assertThat(s.withdrawn()).isEqualTo(withdrawn);
    assertThat(s.failed()).isZero();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void statusCountsByEcosystemAndKind() throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      DbStatus st = d.status();

      assertThat(st.count(Ecosystem.PYPI, AdvisoryKind.VULNERABILITY)).isEqualTo(2661 - 10);
      assertThat(st.count(Ecosystem.PYPI, AdvisoryKind.MALICIOUS)).isEqualTo(40);
      assertThat(st.count(Ecosystem.NPM, AdvisoryKind.VULNERABILITY)).isEqualTo(466);
      assertThat(st.count(Ecosystem.NPM, AdvisoryKind.MALICIOUS)).isEqualTo(80);
      assertThat(st.withdrawn()).isEqualTo(10);
      assertThat(st.importedAt()).isEqualTo("2026-11-26T05:00:00Z");
      assertThat(st.schemaVersion()).isEqualTo(Schema.VERSION);
      assertThat(st.newestModified()).startsWith("202");
      assertThat(st.sources()).extracting(DbStatus.Source::name).containsExactlyInAnyOrderElementsOf(ARCHIVES);
    }
  }

  @Test
  void lodash4174GetsTheNswgAdvisoriesForIt() throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      List<AdvisoryMatch> m = d.match(TestData.exact(Ecosystem.NPM, "lodash", "4.17.4"));

      // NSWG-ECO-368 (fixed 4.17.5, CVE-2018-3721) and NSWG-ECO-493 (fixed 4.17.11,
      // CVE-2018-16487); NSWG-ECO-516 starts at 4.17.15. CVE ids outrank NSWG ids as primary.
      assertThat(m).extracting(AdvisoryMatch::id).containsExactlyInAnyOrder("CVE-2018-3721", "CVE-2018-16487");
      assertThat(m).flatExtracting(AdvisoryMatch::aliases).containsExactlyInAnyOrder("NSWG-ECO-368", "NSWG-ECO-493");
      assertThat(m).flatExtracting(AdvisoryMatch::fixedVersions).containsExactlyInAnyOrder("4.17.5", "4.17.11");
      assertThat(m).allSatisfy(x -> assertThat(x.cvssScore()).isPresent());
    }
  }

  @ParameterizedTest(name = "lodash {0}")
  @CsvSource({"^4.17.0, 3", "~4.17.19, 0", "4.17.15 - 4.17.16, 1", "'', 3"})
  void unpinnedLodashRanges(String range, int expected) throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      List<AdvisoryMatch> m = d.match(TestData.dep(Ecosystem.NPM, "lodash", range, true));

      assertThat(m).hasSize(expected).allSatisfy(x -> assertThat(x.unpinned()).isTrue());
    }
  }

  @Test
  void django320GetsItsPysecAdvisories() throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      List<AdvisoryMatch> m = d.match(TestData.exact(Ecosystem.PYPI, "Django", "3.2.0"));

      // 25 records in the snapshot affect 3.2 (computed independently from ranges and versions).
      assertThat(m).hasSize(25);
      List<String> ids = m.stream().flatMap(x -> Stream.concat(Stream.of(x.id()), x.aliases().stream())).toList();
      assertThat(ids).contains("PYSEC-2021-109", "PYSEC-2022-304", "PYSEC-2024-47", "GHSA-xpfp-f569-q3p2");
      assertThat(m).extracting(AdvisoryMatch::id).contains("GHSA-xpfp-f569-q3p2", "PYSEC-2024-47");
      assertThat(m).allSatisfy(x -> assertThat(x.fixedVersions()).isNotEmpty());
    }
  }

  @Test
  void maliciousPackagesAreFoundInBothEcosystems() throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      List<AdvisoryMatch> npm = d.match(TestData.exact(Ecosystem.NPM, "is-buffer-validator", "0.0.1"));
      List<AdvisoryMatch> pypi = d.match(TestData.exact(Ecosystem.PYPI, "req_os", "20.5.17"));

      assertThat(npm).isNotEmpty().allSatisfy(x -> {
        assertThat(x.malicious()).isTrue();
        assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(x.id()).startsWith("MAL-");
      });
      assertThat(pypi).extracting(AdvisoryMatch::id).containsExactly("MAL-2023-1401");
    }
  }

  @Test
  void lookupIsAnIndexSearchNotAScan() throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.ResultSet rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + Schema.LOOKUP
            .replaceFirst("\\?", "'npm'").replaceFirst("\\?", "'lodash'"))) {
      List<String> plan = new java.util.ArrayList<>();
      while (rs.next()) {
        plan.add(rs.getString("detail"));
      }
      assertThat(plan).anySatisfy(d -> assertThat(d).startsWith("SEARCH packages USING INDEX sqlite_autoindex_packages_1 (ecosystem=? AND name=?)"));
      assertThat(plan).noneSatisfy(d -> assertThat(d).startsWith("SCAN"));
    }
  }

  @Test
  void unknownPackageHasNoMatch() throws Exception {
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      assertThat(d.match(TestData.exact(Ecosystem.NPM, "no-such-package-here", "1.0.0"))).isEmpty();
    }
  }

  @Test
  void badRecordsAreSkippedAndNamedNotFatal(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("mixed.zip");
    try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
      put(z, "GOOD-1.json", TestData.resource("ranges/introduced-zero.json"));
      put(z, "BROKEN-1.json", TestData.resource("parse/truncated-json.json"));
      put(z, "OTHER-1.json", TestData.resource("parse/other-ecosystems.json"));
      put(z, "README.txt", "not a record".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("HUGE-1.json"));
      byte[] chunk = new byte[1024 * 1024];
      for (int i = 0; i <= ArchiveReader.MAX_ENTRY_BYTES / chunk.length; i++) {
        z.write(chunk);
      }
      z.closeEntry();
    }
    Path folder = Files.createDirectories(dir.resolve("folder/sub"));
    Files.write(folder.resolve("a.json"), TestData.resource("merge/ghsa.json"));

    ImportResult r = new AdvisoryImporter(CLOCK).importSources(List.of(zip, dir.resolve("folder")), dir.resolve("x.db"));

    assertThat(r.records()).isEqualTo(2);
    assertThat(r.otherEcosystems()).isEqualTo(1);
    assertThat(r.problemCount()).isEqualTo(2);
    assertThat(r.problems()).extracting(p -> p.code() + " " + p.location().file())
        .containsExactly("bad-record mixed.zip!/BROKEN-1.json", "too-large mixed.zip!/HUGE-1.json");
  }

  @Test
  void missingOrBrokenSourceFailsAndKeepsTheOldDatabase(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("keep.db");
    new AdvisoryImporter(CLOCK).importSources(List.of(TestData.osvArchives().resolve("MAL-PyPI-sample.zip")), target);
    Path broken = dir.resolve("broken.zip");
    byte[] whole = Files.readAllBytes(TestData.osvArchives().resolve("npm-nswg.zip"));
    Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> new AdvisoryImporter(CLOCK).importSources(List.of(broken), target))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining("broken.zip");
    assertThatThrownBy(() -> new AdvisoryImporter(CLOCK).importSources(List.of(dir.resolve("none.zip")), target))
        .isInstanceOf(AdvisoryException.class);
    try (AdvisoryDatabase d = AdvisoryDatabase.open(target)) {
      assertThat(d.status().count(Ecosystem.PYPI, AdvisoryKind.MALICIOUS)).isEqualTo(40);
    }
    assertThat(DbFiles.building(target)).doesNotExist();
  }

  @Test
  void archivesWithTheSameFileNameAreKeptApart(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("all.zip");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("all.zip");
    Files.copy(TestData.osvArchives().resolve("MAL-npm-sample.zip"), a);
    Files.copy(TestData.osvArchives().resolve("MAL-PyPI-sample.zip"), b);

    ImportResult r = new AdvisoryImporter(CLOCK).importSources(List.of(a, b), dir.resolve("x.db"));

    assertThat(r.sources()).extracting(SourceImport::name).containsExactly("all.zip", "all.zip#2");
    try (AdvisoryDatabase d = AdvisoryDatabase.open(dir.resolve("x.db"))) {
      assertThat(d.status().sources()).extracting(DbStatus.Source::records).containsExactly(79, 40);
    }
  }

  @Test
  void embeddedDefaultIsMarkedAsSample(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("cache/bulwark/advisories.db");
    ImportResult r = new AdvisoryImporter(CLOCK).buildEmbeddedDefault(target);

    assertThat(r.records()).isEqualTo(2661 + 467 + 79 + 40);
    try (AdvisoryDatabase d = AdvisoryDatabase.open(target)) {
      assertThat(d.status().sources()).allSatisfy(s -> assertThat(s.location()).isEqualTo("embedded sample"));
    }
  }

  @Test
  void openingAMissingDatabaseSaysWhatToDo(@TempDir Path dir) {
    assertThatThrownBy(() -> AdvisoryDatabase.open(dir.resolve("absent.db")))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining("bulwark db update");
    assertThat(dir.resolve("absent.db")).doesNotExist();
  }

  private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(data);
    z.closeEntry();
  }
}
