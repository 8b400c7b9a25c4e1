package dev.bulwark.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacked packages, node_modules trees and site-packages folders. */
class FolderReaderTest {
  @TempDir Path tmp;

  private final ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());

  private void put(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static String pkg(String name, String version) {
    return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}";
  }

  private static List<String> paths(Artifact a) {
    return a.files().stream().map(ArtifactFile::path).toList();
  }

  private Artifact only(List<Artifact> all, String displaySuffix) {
    return all.stream().filter(a -> a.displayName().endsWith(displaySuffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no target " + displaySuffix));
  }

  @Test
  void anUnpackedPackageIsOneTargetAndLinksAreNotFollowed() throws IOException {
    put("pkg/package.json", pkg("plain", "1.0.0"));
    put("pkg/lib/index.js", "module.exports = 1;");
    Files.createSymbolicLink(tmp.resolve("pkg/secret"), Path.of("../elsewhere"));
    List<Artifact> all = reader.read(tmp.resolve("pkg"), Optional.empty());
    assertThat(all).singleElement().satisfies(a -> {
      assertThat(paths(a)).containsExactly("lib/index.js", "package.json");
      assertThat(a.name()).isEqualTo("plain");
      assertThat(a.skipped()).anySatisfy(s -> assertThat(s.path()).isEqualTo("secret"));
    });
  }

  @Test
  void nodeModulesPackagesAreSeparateTargetsRecursively() throws IOException {
    put("proj/package.json", pkg("app", "0.1.0"));
    put("proj/index.js", "require('a')");
    put("proj/node_modules/a/package.json", pkg("a", "1.0.0"));
    put("proj/node_modules/a/index.js", "a");
    put("proj/node_modules/a/node_modules/c/package.json", pkg("c", "3.0.0"));
    put("proj/node_modules/@s/b/package.json", pkg("@s/b", "2.0.0"));
    put("proj/node_modules/.package-lock.json", "{}");
    Files.createDirectories(tmp.resolve("proj/node_modules/.bin"));
    Files.createSymbolicLink(tmp.resolve("proj/node_modules/.bin/a"), Path.of("../a/index.js"));

    List<Artifact> all = reader.read(tmp.resolve("proj"), Optional.empty());

    assertThat(all).extracting(a -> a.name() + "@" + a.version())
        .containsExactly("app@0.1.0", "@s/b@2.0.0", "a@1.0.0", "c@3.0.0");
    assertThat(paths(only(all, "proj"))).containsExactly("index.js", "package.json");
    assertThat(paths(only(all, "node_modules/a"))).containsExactly("index.js", "package.json");
    assertThat(only(all, "node_modules/a/node_modules/c").ecosystem()).contains(Ecosystem.NPM);
    assertThat(all).allSatisfy(a -> assertThat(a.readerFindings()).isEmpty());
  }

  @Test
  void aNodeModulesFolderYieldsOnlyItsPackages() throws IOException {
    put("node_modules/x/package.json", pkg("x", "1.0.0"));
    put("node_modules/y/package.json", pkg("y", "2.0.0"));
    List<Artifact> all = reader.read(tmp.resolve("node_modules"), Optional.empty());
    assertThat(all).extracting(Artifact::name).containsExactly("x", "y");
  }

  @Test
  void sitePackagesIsSplitByDistributionAndUnclaimedModules() throws IOException {
    String sp = "venv/lib/python3.12/site-packages/";
    put(sp + "requests-2.31.0.dist-info/METADATA", "Name: requests\nVersion: 2.31.0\n\n");
    put(sp + "requests-2.31.0.dist-info/RECORD",
        "requests/__init__.py,sha256=x,10\n\"requests/api,v2.py\",,\n"
            + "requests-2.31.0.dist-info/METADATA,,\n../../../bin/req,,\n");
    put(sp + "requests/__init__.py", "from . import api");
    put(sp + "requests/api,v2.py", "pass");
    put(sp + "six-1.16.0.dist-info/METADATA", "Name: six\nVersion: 1.16.0\n");
    put(sp + "six-1.16.0.dist-info/top_level.txt", "six\n");
    put(sp + "six.py", "pass");
    put(sp + "evil.pth", "import evil");
    put(sp + "evil/__init__.py", "pass");
    put(sp + "__pycache__/evil.cpython-312.pyc", "xx");

    List<Artifact> all = reader.read(tmp.resolve(sp), Optional.empty());

    assertThat(all).extracting(a -> a.name() + "==" + a.version())
        .containsExactly("evil==", "requests==2.31.0", "six==1.16.0");
    assertThat(all).allSatisfy(a -> assertThat(a.ecosystem()).contains(Ecosystem.PYPI));
    assertThat(paths(all.get(0)))
        .containsExactly("__pycache__/evil.cpython-312.pyc", "evil.pth", "evil/__init__.py");
    assertThat(paths(all.get(1))).containsExactly(
        "requests-2.31.0.dist-info/METADATA", "requests-2.31.0.dist-info/RECORD",
        "requests/__init__.py", "requests/api,v2.py");
    assertThat(paths(all.get(2))).containsExactly(
        "six-1.16.0.dist-info/METADATA", "six-1.16.0.dist-info/top_level.txt", "six.py");
  }

  @Test
  void anOversizedFileInAFolderIsReportedWithoutBeingRead() throws IOException {
    put("big/package.json", pkg("big", "1.0.0"));
    // A sparse 200 MB file: instant to create, and reading it would show in the result.
    try (SeekableByteChannel ch = Files.newByteChannel(tmp.resolve("big/blob.bin"),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
      ch.position(200L << 20);
      ch.write(ByteBuffer.wrap(new byte[] {1}));
    }
    Artifact a = reader.read(tmp.resolve("big"), Optional.empty()).get(0);
    assertThat(paths(a)).containsExactly("package.json");
    assertThat(a.readerFindings()).extracting(f -> f.ruleId())
        .containsExactly(ReaderFindingRules.OVERSIZED_FILE);
  }

  @Test
  void archivesInsideFoldersAreOpened() throws IOException {
    put("p/package.json", pkg("p", "1.0.0"));
    Files.write(tmp.resolve("p/vendor.tgz"), TestArchives.gzip(TestArchives.tar(
        List.of(TestArchives.file("package/x.js", "x")))));
    Artifact a = reader.read(tmp.resolve("p"), Optional.empty()).get(0);
    assertThat(paths(a)).containsExactly("package.json", "vendor.tgz!/package/x.js");
  }

  @Test
  void aLinkNamedByTheUserIsFollowedButLinksInsideAreNot() throws IOException {
    put("real/package.json", pkg("linked", "1.0.0"));
    Files.createSymbolicLink(tmp.resolve("real/up"), tmp);
    Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("real"));
    List<Artifact> all = reader.read(tmp.resolve("alias"), Optional.empty());
    assertThat(all).singleElement().satisfies(a -> {
      assertThat(a.displayName()).isEqualTo(tmp.resolve("alias").toString());
      assertThat(paths(a)).containsExactly("package.json");
      assertThat(a.skipped()).extracting(s -> s.path()).containsExactly("up");
    });
  }

  @Test
  void aMissingInputThrows() {
    assertThatThrownBy(() -> reader.read(tmp.resolve("nope.tgz"), Optional.empty()))
        .isInstanceOf(NoSuchFileException.class);
  }
}
