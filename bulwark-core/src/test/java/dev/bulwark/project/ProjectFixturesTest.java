package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.Catalogs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each folder under testdata/ is an inert mini-project with an expected.txt:
 *
 * <pre>
 * verdict MALICIOUS            the expected verdict
 * maxscore 39                  optional upper bound on the score
 * must rule-id                 a finding with this rule id must appear
 * not rule-id                  ... must not appear
 * binary path/to/font.woff2    write a small binary font or image (real magic bytes) there at test time
 * </pre>
 *
 * A {@code dot-git/} folder in a case becomes {@code .git/} at test time (git refuses to commit a
 * nested .git). Each case is also scanned as a .zip, as a .tar.gz and as a bare git repository.
 */
class ProjectFixturesTest {
  private static final ProjectScanner SCANNER = new ProjectScanner(
      new StaticAnalyzer(Catalogs.load(List.of())), Optional.empty(), Extractors.all());
  private static final ProjectLoader LOADER = new ProjectLoader(ReaderLimits.defaults());

  record Expected(Verdict verdict, int maxScore, List<String> must, List<String> not,
      List<String> binaries) {}

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(testdata())) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList()
          .stream();
    }
  }

  static Path testdata() throws URISyntaxException {
    return Path.of(ProjectFixturesTest.class.getResource("testdata").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void folder(String name, @TempDir Path tmp) throws Exception {
    Path dir = materialize(name, tmp.resolve(name));
    check(name, LOADER.load(dir, name, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void zipAndTarGz(String name, @TempDir Path tmp) throws Exception {
    Path dir = materialize(name, tmp.resolve(name));
    Path zip = tmp.resolve(name + ".zip");
    Path tgz = tmp.resolve(name + ".tar.gz");
    writeZip(dir, zip);
    writeTarGz(dir, tgz);
    check(name + " (zip)", LOADER.load(zip, name, Optional.empty()));
    check(name + " (tar.gz)", LOADER.load(tgz, name, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bareGitRepository(String name, @TempDir Path tmp) throws Exception {
    Path dir = materialize(name, tmp.resolve(name));
    if (Files.exists(dir.resolve(".git"))) {
      return; // a shipped .git/config is not part of a commit; covered by folder()
    }
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("fixture").setAuthor("t", "t@example.invalid")
          .setCommitter("t", "t@example.invalid").setSign(false).call();
    }
    Path bare = tmp.resolve(name + ".git");
    Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(bare.toFile()).setBare(true)
        .call().close();
    ProjectTree tree = LOADER.load(bare, name, Optional.empty());
    assertThat(tree.origin()).isEqualTo("git HEAD");
    assertThat(Files.exists(bare.resolve("package.json"))).isFalse();
    check(name + " (bare git)", tree);
  }

  @org.junit.jupiter.api.Test
  void storyTellsTriggersOnceAndNextStepsAreComplete(@TempDir Path tmp) throws Exception {
    Path dir = materialize("m-concurrently-prefix", tmp.resolve("c"));
    ProjectResult r = SCANNER.scan(LOADER.load(dir, "c", Optional.empty()));
    String run = r.story().stream().filter(s -> s.startsWith("npm start")).findFirst().orElse("");
    assertThat(run).contains("npm run dev, npm run start, npm run build and npm run test").contains("authMiddleware.js")
        .doesNotContain("..");
    assertThat(r.scan().findings().stream()
        .filter(f -> f.ruleId().equals("project-trigger-runs-threat")).count()).isEqualTo(1);
    assertThat(String.join(" ", r.nextSteps())).contains("workspace trust").contains("recruiter")
        .contains("bulwark sweep").contains("rotate");
    assertThat(r.scan().findings()).anyMatch(f -> f.decoded().contains("127.0.0.1:1224"));
  }

  private static void check(String label, ProjectTree tree) throws Exception {
    Expected e = expected(label.split(" ")[0]);
    ProjectResult r = SCANNER.scan(tree);
    Set<String> ids = new TreeSet<>();
    r.scan().findings().forEach(f -> ids.add(f.ruleId()));
    String why = label + ": " + r.scan().verdict() + " " + r.scan().score() + " " + describe(r);
    assertThat(r.scan().verdict()).as(why).isEqualTo(e.verdict());
    assertThat(r.scan().score()).as(why).isLessThanOrEqualTo(e.maxScore());
    assertThat(ids).as(why).containsAll(e.must());
    for (String id : e.not()) {
      assertThat(ids).as(why).doesNotContain(id);
    }
    assertThat(r.story()).as(why).isNotEmpty();
    assertThat(r.nextSteps()).as(why).isNotEmpty();
  }

  private static String describe(ProjectResult r) {
    StringBuilder b = new StringBuilder();
    for (Finding f : r.scan().findings()) {
      b.append("\n  ").append(f.severity()).append(' ').append(f.ruleId()).append(' ')
          .append(f.location()).append(' ').append(f.message());
    }
    return b.toString();
  }

  static Expected expected(String name) throws Exception {
    Verdict v = Verdict.CLEAN;
    int max = 100;
    List<String> must = new ArrayList<>();
    List<String> not = new ArrayList<>();
    List<String> bin = new ArrayList<>();
    for (String line : Files.readAllLines(testdata().resolve(name).resolve("expected.txt"))) {
      String[] w = line.trim().split("\\s+", 2);
      if (w.length < 2 || w[0].startsWith("#")) {
        continue;
      }
      switch (w[0]) {
        case "verdict" -> v = Verdict.valueOf(w[1]);
        case "maxscore" -> max = Integer.parseInt(w[1]);
        case "must" -> must.add(w[1]);
        case "not" -> not.add(w[1]);
        case "binary" -> bin.add(w[1]);
        default -> throw new IllegalArgumentException(name + ": unknown line " + line);
      }
    }
    return new Expected(v, max, must, not, bin);
  }

  /** Copies the case to {@code to}: dot-git/ becomes .git/, binaries are generated. */
  static Path materialize(String name, Path to) throws Exception {
    Path from = testdata().resolve(name);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        String rel = from.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty() || rel.equals("expected.txt")) {
          continue;
        }
        if (rel.equals("dot-git") || rel.startsWith("dot-git/")) {
          rel = ".git" + rel.substring("dot-git".length());
        }
        Path target = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
    Random rnd = new Random(name.hashCode());
    for (String b : expected(name).binaries()) {
      Path target = to.resolve(b);
      Files.createDirectories(target.getParent());
      byte[] body = new byte[2048];
      rnd.nextBytes(body);
      byte[] magic = b.endsWith(".woff2") ? "wOF2".getBytes(StandardCharsets.US_ASCII)
          : b.endsWith(".woff") ? "wOFF".getBytes(StandardCharsets.US_ASCII)
          : b.endsWith(".png") ? new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}
          : new byte[] {0, 1, 0, 0};
      System.arraycopy(magic, 0, body, 0, magic.length);
      Files.write(target, body);
    }
    return to;
  }

  private static List<Path> filesOf(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void writeZip(Path dir, Path zip) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path p : filesOf(dir)) {
        z.putNextEntry(new ZipEntry("project-main/" + dir.relativize(p).toString().replace('\\', '/')));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
    }
  }

  private static void writeTarGz(Path dir, Path tgz) throws IOException {
    try (OutputStream o = Files.newOutputStream(tgz);
        TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(o))) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path p : filesOf(dir)) {
        byte[] b = Files.readAllBytes(p);
        TarArchiveEntry e = new TarArchiveEntry("project/" + dir.relativize(p).toString().replace('\\', '/'));
        e.setSize(b.length);
        t.putArchiveEntry(e);
        t.write(b);
        t.closeArchiveEntry();
      }
    }
  }
}
