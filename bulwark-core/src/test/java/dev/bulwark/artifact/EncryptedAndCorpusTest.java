package dev.bulwark.artifact;

import static dev.bulwark.artifact.TestArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Password-protected zips, and the malware-dataset layout (an encrypted zip around a package). */
class EncryptedAndCorpusTest {
  private static final char[] PASSWORD = "infected".toCharArray();
  /** ../shared beside the repository (tests run in bulwark-core/). */
  private static final Path CORPUS = Path.of("../../shared/corpus/malicious/samples").toAbsolutePath()
      .normalize();

  @TempDir Path tmp;

  private final ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());

  private static byte[] npmTgz() {
    return TestArchives.gzip(TestArchives.tar(List.of(
        file("package/package.json", "{\"name\":\"evil-pkg\",\"version\":\"1.0.0\"}"),
        file("package/index.js", "module.exports = 1;\n"))));
  }

  private Artifact read(byte[] bytes, Optional<char[]> pw) throws IOException {
    Path p = tmp.resolve("sample.zip");
    Files.write(p, bytes);
    return reader.read(p, pw).get(0);
  }

  @ParameterizedTest(name = "aes={0}")
  @ValueSource(booleans = {false, true})
  void rightPasswordReadsTheInnerPackageAsNested(boolean aes) throws IOException {
    byte[] zip = TestArchives.encryptedZip(
        List.of(file("evil-pkg-1.0.0.tgz", npmTgz())), PASSWORD, aes);
    Artifact a = read(zip, Optional.of("infected".toCharArray()));
    assertThat(a.files()).extracting(ArtifactFile::path).containsExactly(
        "evil-pkg-1.0.0.tgz!/package/index.js", "evil-pkg-1.0.0.tgz!/package/package.json");
    assertThat(a.ecosystem()).contains(Ecosystem.NPM);
    assertThat(a.name()).isEqualTo("evil-pkg");
    assertThat(a.version()).isEqualTo("1.0.0");
    assertThat(a.readerFindings()).isEmpty();
    assertThat(a.errors()).isEmpty();
  }

  @ParameterizedTest(name = "aes={0}")
  @ValueSource(booleans = {false, true})
  void wrongPasswordIsAReportedProblem(boolean aes) throws IOException {
    byte[] zip = TestArchives.encryptedZip(List.of(file("index.js", "x")), PASSWORD, aes);
    Artifact a = read(zip, Optional.of("wrong".toCharArray()));
    assertThat(a.files()).isEmpty();
    assertThat(a.readerFindings()).extracting(f -> f.ruleId())
        .containsExactly(ReaderFindingRules.ENCRYPTED);
    assertThat(a.errors()).isNotEmpty();
  }

  @Test
  void missingPasswordIsAReportedProblem() throws IOException {
    byte[] zip = TestArchives.encryptedZip(List.of(file("index.js", "x")), PASSWORD, false);
    Artifact a = read(zip, Optional.empty());
    assertThat(a.files()).isEmpty();
    assertThat(a.errors()).extracting(p -> p.code()).containsExactly("encrypted");
    assertThat(a.readerFindings()).extracting(f -> f.ruleId())
        .containsExactly(ReaderFindingRules.ENCRYPTED);
  }

  @Test
  void aSingleLooseFileIsKeptAsAFile() throws IOException {
    byte[] zip = TestArchives.encryptedZip(
        List.of(file("index.js", "require('child_process')\n")), PASSWORD, false);
    Artifact a = read(zip, Optional.of(PASSWORD.clone()));
    assertThat(a.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("index.js");
      assertThat(new String(f.content(), StandardCharsets.UTF_8)).contains("child_process");
    });
  }

  @Test
  void thePasswordArrayIsNotModified() throws IOException {
    char[] pw = "infected".toCharArray();
    read(TestArchives.encryptedZip(List.of(file("a", "b")), PASSWORD, true), Optional.of(pw));
    assertThat(new String(pw)).isEqualTo("infected");
  }

  @Test
  void inMemoryReadGivesTheSameResult() {
    Artifact a = reader.read("downloads/evil-pkg-1.0.0.tgz", npmTgz(), Optional.empty());
    assertThat(a.displayName()).isEqualTo("downloads/evil-pkg-1.0.0.tgz");
    assertThat(a.files()).hasSize(2);
    assertThat(a.name()).isEqualTo("evil-pkg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"npm", "pypi"})
  void readsARealDatasetSampleInMemory(String ecosystem) throws IOException {
    Path dir = CORPUS.resolve(ecosystem).resolve("malicious_intent");
    assumeTrue(Files.isDirectory(dir), "malware corpus not present");
    Path sample;
    try (Stream<Path> s = Files.walk(dir, 4)) {
      sample = s.filter(p -> p.toString().endsWith(".zip")).sorted().findFirst().orElseThrow();
    }
    Artifact a = reader.read(sample, Optional.of(PASSWORD.clone())).get(0);
    // Contents are malware: only structure is asserted, nothing is printed.
    assertThat(a.files()).isNotEmpty();
    assertThat(a.errors()).isEmpty();
    assertThat(a.files()).allSatisfy(f -> assertThat(f.path()).doesNotContain(".."));
  }
}
