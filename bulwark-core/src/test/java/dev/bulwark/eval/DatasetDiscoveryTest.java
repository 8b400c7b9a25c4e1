package dev.bulwark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDiscoveryTest {
  private static final String PASSWORD = "infected";
  private static final String MARKER = "INERT-TEST-MARKER";

  @TempDir Path dir;

  /** samples/{npm,pypi}/malicious_intent/... with one scoped npm name and a manifest gap. */
  private Path dataDogTree() throws IOException {
    Path samples = dir.resolve("corpus/samples");
    byte[] npmTgz = TestArchives.tgz(Map.of(
        "package/package.json", "{\"name\":\"@acme/widget\",\"version\":\"1.0.0\"}",
        "package/index.js", "// " + MARKER + "\n"));
    TestArchives.encryptedZip(samples.resolve(
        "npm/malicious_intent/@acme@widget/1.0.0/acme_widget-v1.0.0.zip"),
        "acme-widget-1.0.0.tgz", npmTgz, PASSWORD);
    byte[] pyTgz = TestArchives.tgz(Map.of("demo-0.1/setup.py", "# harmless\n"));
    TestArchives.encryptedZip(samples.resolve("pypi/malicious_intent/demo/0.1/demo-v0.1.zip"),
        "demo-0.1.tar.gz", pyTgz, PASSWORD);
    Files.writeString(samples.resolve("npm/manifest.json"),
        "{\"@acme/widget\": [\"1.0.0\", \"2.0.0\"]}");
    Files.writeString(samples.resolve("pypi/manifest.json"), "{\"demo\": [\"0.1\"]}");
    return dir.resolve("corpus");
  }

  @Test
  void findsDataDogLayoutWithEcosystemsAndScopedNames() throws IOException {
    Dataset d = DatasetDiscovery.discover(dataDogTree(), Label.MALICIOUS);
    assertThat(d.samples()).extracting(Sample::id)
        .containsExactly("npm/@acme/widget@1.0.0", "pypi/demo@0.1");
    assertThat(d.samples()).extracting(Sample::ecosystem)
        .containsExactly(Optional.of(Ecosystem.NPM), Optional.of(Ecosystem.PYPI));
    assertThat(d.samples()).allMatch(s -> s.label() == Label.MALICIOUS);
    assertThat(d.notes()).containsExactly(
        "npm/@acme/widget@2.0.0: listed in manifest.json, no sample zip found");
  }

  @Test
  void samplesFolderAndEcosystemFolderWorkAsRootsToo() throws IOException {
    Path root = dataDogTree();
    assertThat(DatasetDiscovery.discover(root.resolve("samples"), Label.MALICIOUS).samples())
        .hasSize(2);
    assertThat(DatasetDiscovery.discover(root.resolve("samples/npm"), Label.MALICIOUS).samples())
        .extracting(Sample::id).containsExactly("npm/@acme/widget@1.0.0");
  }

  @Test
  void encryptedSampleScansEndToEnd() throws IOException {
    Dataset mal = DatasetDiscovery.discover(dataDogTree(), Label.MALICIOUS);
    PackageAnalyzer flagsMarker = a -> {
      boolean hit = a.files().stream().anyMatch(
          f -> new String(f.content(), StandardCharsets.UTF_8).contains(MARKER));
      List<Finding> fs = hit ? List.of(Fakes.finding("marker", Severity.HIGH, "index.js"))
          : List.of();
      return Fakes.result(a, hit ? Verdict.MALICIOUS : Verdict.CLEAN, fs);
    };
    EvalReport r = new EvalRunner(TestArchives.source(PASSWORD), flagsMarker,
        new EvalOptions(2, Optional.empty()),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .run(mal, Dataset.empty());
    assertThat(r.errors()).isEmpty();
    assertThat(r.overall().malicious()).isEqualTo(2);
    assertThat(r.overall().detectedMalicious()).isEqualTo(1);
    assertThat(r.misses()).extracting(EvalReport.Miss::id).containsExactly("pypi/demo@0.1");
    assertThat(r.byEcosystem()).extracting(Scores::ecosystem).containsExactly("PyPI", "npm");
  }

  @Test
  void folderOfArchivesAndPackageFolders() throws IOException {
    Path npm = dir.resolve("cache/npm");
    Files.createDirectories(npm);
    Files.write(npm.resolve("left-pad-1.3.0.tgz"), TestArchives.tgz(Map.of("package/a.js", "")));
    Files.writeString(npm.resolve("README.txt"), "not a package");
    Path deb = dir.resolve("cache/pypi-debian");
    Files.createDirectories(deb.resolve("six/six-1.16.0.egg-info"));
    Files.createDirectories(deb.resolve(".debs"));
    Files.writeString(deb.resolve("six/six.py"), "x = 1\n");
    Files.createDirectories(dir.resolve("cache/wheels"));
    Files.writeString(dir.resolve("cache/wheels/demo-1.0-py3-none-any.whl"), "PK");

    Dataset d = DatasetDiscovery.discover(dir.resolve("cache"), Label.BENIGN);
    assertThat(d.samples()).extracting(Sample::id).containsExactly(
        "cache/npm/left-pad-1.3.0.tgz", "cache/pypi-debian/six", "cache/wheels/demo-1.0-py3-none-any.whl");
    assertThat(d.samples()).extracting(Sample::ecosystem).containsExactly(
        Optional.of(Ecosystem.NPM), Optional.of(Ecosystem.PYPI), Optional.of(Ecosystem.PYPI));
    assertThat(d.notes()).containsExactly("cache/npm/README.txt: skipped, not a package archive");
  }

  @Test
  void singlePackageFolderIsOneSample() throws IOException {
    Path pkg = dir.resolve("mypkg");
    Files.createDirectories(pkg.resolve("lib"));
    Files.writeString(pkg.resolve("package.json"), "{}");
    assertThat(DatasetDiscovery.discover(pkg, Label.BENIGN).samples())
        .extracting(Sample::id, Sample::path).containsExactly(
            org.assertj.core.groups.Tuple.tuple("mypkg", pkg));
  }

  @Test
  void sitePackagesGivesOneSamplePerDistInfoFromItsRecord() throws Exception {
    Path site = dir.resolve("site-packages");
    Files.createDirectories(site.resolve("demo/__pycache__"));
    Files.createDirectories(site.resolve("demo-1.2.dist-info"));
    Files.createDirectories(site.resolve("other-0.1.egg-info"));
    Files.writeString(site.resolve("demo/__init__.py"), "VALUE = 1\n");
    Files.writeString(site.resolve("demo/__pycache__/__init__.cpython-311.pyc"), "bytecode");
    Files.writeString(site.resolve("demo-1.2.dist-info/METADATA"),
        "Metadata-Version: 2.1\nName: demo\nVersion: 1.2\n\nLong text\n");
    Files.writeString(site.resolve("demo-1.2.dist-info/RECORD"), String.join("\n",
        "demo/__init__.py,sha256=x,10",
        "demo/__pycache__/__init__.cpython-311.pyc,,",
        "\"demo-1.2.dist-info/METADATA\",sha256=y,50",
        "demo-1.2.dist-info/RECORD,,",
        "../../../bin/demo,sha256=z,1",
        "/etc/passwd,,"));

    Dataset d = DatasetDiscovery.discover(site, Label.BENIGN);
    assertThat(d.samples()).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo("site-packages/demo-1.2");
      assertThat(s.members()).containsExactly("demo/__init__.py",
          "demo-1.2.dist-info/METADATA", "demo-1.2.dist-info/RECORD");
    });
    assertThat(d.notes()).containsExactly(
        "site-packages/other-0.1.egg-info: skipped, egg-info installs have no RECORD");
    var artifact = InstalledPackages.read(d.samples().get(0));
    assertThat(artifact.name()).isEqualTo("demo");
    assertThat(artifact.version()).isEqualTo("1.2");
    assertThat(artifact.files()).extracting(f -> f.path()).containsExactly(
        "demo-1.2.dist-info/METADATA", "demo-1.2.dist-info/RECORD", "demo/__init__.py");
  }

  @Test
  void aFileThatIsNoArchiveIsRejected() throws IOException {
    Path f = Files.writeString(dir.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> DatasetDiscovery.discover(f, Label.BENIGN))
        .isInstanceOf(IOException.class).hasMessageContaining("not a folder or package archive");
  }
}
