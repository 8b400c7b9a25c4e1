package dev.bulwark.inventory.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs built at run time because they are too large or too odd to keep as test data. */
class HostileInputTest {
  private static final int TEN_MB = 10 * 1024 * 1024;

  private static LockfileExtractor ex(String id) {
    return PypiExtractorsTest.extractor(id);
  }

  @Test
  void tenMegabyteRequirementsLineIsSkippedWithAProblem() throws ExtractionException {
    String text = "django==3.2.0\n" + "a".repeat(TEN_MB) + "\nflask==2.3.2\n";
    Inventory inv = ex("pypi/requirements").extract(LockfileInput.ofText("requirements.txt", text));
    assertThat(inv.dependencies()).extracting(Dependency::name).containsExactly("django", "flask");
    assertThat(inv.dependencies().get(1).location().line()).isEqualTo(3);
    assertThat(inv.problems()).extracting(Problem::code).containsExactly("line-too-long");
    assertThat(inv.problems().get(0).location().line()).isEqualTo(2);
  }

  @Test
  void tenMegabytesOfContinuationsAreBounded() throws ExtractionException {
    String text = "x==1 \\\n".repeat(TEN_MB / 8) + "\nlast==2\n";
    Inventory inv = ex("pypi/requirements").extract(LockfileInput.ofText("requirements.txt", text));
    assertThat(inv.dependencies()).extracting(Dependency::name).containsExactly("last");
    assertThat(inv.problems()).extracting(Problem::code).containsExactly("line-too-long");
  }

  @Test
  void hundredThousandLineRequirementsFileIsReadWhole() throws ExtractionException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      b.append("pkg").append(i).append("==1.").append(i).append('\n');
    }
    Inventory inv = ex("pypi/requirements").extract(LockfileInput.ofText("requirements.txt", b.toString()));
    assertThat(inv.dependencies()).hasSize(100_000);
    Dependency last = inv.dependencies().get(99_999);
    assertThat(last.name()).isEqualTo("pkg99999");
    assertThat(last.version()).isEqualTo("1.99999");
    assertThat(last.location().line()).isEqualTo(100_000);
    assertThat(inv.problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pypi/poetry-lock", "pypi/pyproject"})
  void tenMegabyteTomlLineFailsWithLine(String id) {
    String text = "# header\n" + "x".repeat(TEN_MB) + "\n";
    assertThatThrownBy(() -> ex(id).extract(LockfileInput.ofText("f.toml", text)))
        .isInstanceOfSatisfying(ExtractionException.class, e -> {
          assertThat(e.file()).isEqualTo("f.toml");
          assertThat(e.line()).isEqualTo(2);
        });
  }

  @Test
  void tenMegabyteJsonLineFailsWithLine() {
    String text = "{\n\"default\": {\"django\": {\"version\": \"==3.2.0\"}},\n" + "x".repeat(TEN_MB) + "\n}";
    assertThatThrownBy(() -> ex("pypi/pipfile-lock").extract(LockfileInput.ofText("Pipfile.lock", text)))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void tenMegabyteIniValuesAreProblemsOrIgnored() throws ExtractionException {
    String cfg = "[options]\ninstall_requires =\n    " + "a".repeat(TEN_MB) + "\n    django==3.2.0\n";
    Inventory inv = ex("pypi/setup-cfg").extract(LockfileInput.ofText("setup.cfg", cfg));
    assertThat(inv.dependencies()).extracting(Dependency::name).containsExactly("django");
    assertThat(inv.problems()).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(3));
    Inventory conf = ex("pypi/pip-conf").extract(LockfileInput.ofText("pip.conf", "[global]\n" + "k".repeat(TEN_MB)));
    assertThat(conf.sources()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{a=", "[[", "{\"a\":["})
  void deepNestingFailsCleanly(String opener) {
    String toml = "x = " + opener.repeat(100_000);
    assertThatThrownBy(() -> ex("pypi/uv-lock").extract(LockfileInput.ofText("uv.lock", toml)))
        .isInstanceOf(ExtractionException.class);
    String json = "{\"default\": " + "[".repeat(100_000);
    assertThatThrownBy(() -> ex("pypi/pipfile-lock").extract(LockfileInput.ofText("Pipfile.lock", json)))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void deepDependencyChainGivesBoundedPaths() throws ExtractionException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      b.append("[[package]]\nname = \"p").append(i).append("\"\nversion = \"1.0\"\n")
          .append("[package.dependencies]\np").append(i + 1).append(" = \"*\"\n\n");
    }
    Inventory inv = ex("pypi/poetry-lock").extract(LockfileInput.ofText("poetry.lock", b.toString()));
    assertThat(inv.dependencies()).hasSize(3000);
    assertThat(inv.dependencies().get(0).direct()).isTrue();
    List<String> last = inv.dependencies().get(2999).path();
    assertThat(last).hasSize(LockGraph.MAX_PATH + 2).startsWith("poetry.lock", "...").endsWith("p2999==1.0");
    assertThat(inv.dependencies().get(5).path()).containsExactly(
        "poetry.lock", "p0==1.0", "p1==1.0", "p2==1.0", "p3==1.0", "p4==1.0", "p5==1.0");
  }

  @Test
  void oversizeTomlIsRefusedBeforeParsing() {
    String text = "# padding\n".repeat(TomlDocs.MAX_CHARS / 10 + 1);
    assertThatThrownBy(() -> ex("pypi/uv-lock").extract(LockfileInput.ofText("uv.lock", text)))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.getMessage()).contains("too large"));
  }

  @Test
  void includeOfDevZeroSymlinkAndFifoAreRefused(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("zero.txt"), Path.of("/dev/zero"));
    Files.writeString(dir.resolve("requirements.txt"), "-r zero.txt\n-c zero.txt\nok==1\n");
    Inventory inv = ex("pypi/requirements").extract(
        LockfileInput.read(dir.resolve("requirements.txt"), "requirements.txt", 1 << 20));
    assertThat(inv.dependencies()).extracting(Dependency::name).containsExactly("ok");
    assertThat(inv.problems()).extracting(Problem::code).containsExactly("include-unreadable", "include-unreadable");
  }

  @Test
  void includedFilesShareOneSizeBudget(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 5; i++) {
      Files.writeString(dir.resolve("part" + i + ".txt"), "p" + i + "==1\n" + "#".repeat(300) + "\n");
    }
    Files.writeString(dir.resolve("requirements.txt"), "-r part0.txt\n-r part1.txt\n-r part2.txt\n-r part3.txt\n-r part4.txt\n");
    Inventory inv = ex("pypi/requirements").extract(
        LockfileInput.read(dir.resolve("requirements.txt"), "requirements.txt", 1000));
    assertThat(inv.dependencies()).extracting(Dependency::name).containsExactly("p0", "p1", "p2");
    assertThat(inv.problems()).extracting(Problem::code).containsExactly("include-budget", "include-budget");
  }

  @Test
  void includeOfInvalidUtf8IsAProblem(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("bad.txt"), new byte[] {'a', '=', '=', '1', '\n', (byte) 0xC3, (byte) 0x28});
    Files.writeString(dir.resolve("requirements.txt"), "-r bad.txt\n");
    Inventory inv = ex("pypi/requirements").extract(
        LockfileInput.read(dir.resolve("requirements.txt"), "requirements.txt", 1 << 20));
    assertThat(inv.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("include-unreadable");
      assertThat(p.message()).contains("invalid UTF-8");
    });
  }

  @Test
  void includesInsideTheScanRootButAboveTheFileAreAllowed(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("requirements"));
    Files.writeString(dir.resolve("base.txt"), "django==3.2.0\n");
    Files.writeString(dir.resolve("requirements/dev.txt"), "-r ../base.txt\n-r ../../escape.txt\n");
    Inventory inv = ex("pypi/requirements").extract(
        LockfileInput.read(dir.resolve("requirements/dev.txt"), "requirements/dev.txt", 1 << 20));
    assertThat(inv.dependencies()).singleElement().satisfies(d -> {
      assertThat(d.location().toString()).isEqualTo("base.txt:1");
      assertThat(d.dev()).isFalse(); // dev-ness is that of the file the entry is written in
      assertThat(d.path()).containsExactly("requirements/dev.txt", "django==3.2.0");
    });
    assertThat(inv.problems()).extracting(Problem::code).containsExactly("include-outside-project");
  }

  /**
   * Seeded mutation of every test-data file (truncation, byte flips, duplicated spans): an
   * extractor either returns or throws ExtractionException, never anything else.
   */
  @Test
  void mutatedTestDataNeverCrashes() throws IOException, URISyntaxException {
    Path root = Path.of(HostileInputTest.class.getResource("testdata").toURI());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".expected.tsv")).sorted().forEach(files::add);
    }
    Random random = new Random(751);
    int runs = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      String format = root.relativize(f).getName(0).toString();
      LockfileExtractor e = ex("pypi/" + format);
      for (int i = 0; i < 12; i++) {
        String mutated = mutate(text, random);
        {
          try {
            Inventory inv = e.extract(LockfileInput.ofText("case", mutated));
            assertThat(inv.file()).isEqualTo("case");
          } catch (ExtractionException expected) {
            assertThat(expected.file()).isEqualTo("case");
            assertThat(expected.line()).isGreaterThanOrEqualTo(0);
          }
          runs++;
        }
      }
    }
    assertThat(runs).isGreaterThan(12 * 60);
  }

  private static String mutate(String text, Random r) {
    if (text.isEmpty()) {
      return text;
    }
    int a = r.nextInt(text.length());
    int b = Math.min(text.length(), a + r.nextInt(40));
    return switch (r.nextInt(4)) {
      case 0 -> text.substring(0, a);
      case 1 -> text.substring(0, a) + "[{\"\\#=;,]\n".charAt(r.nextInt(10)) + text.substring(Math.min(text.length(), a + 1));
      case 2 -> text.substring(0, b) + text.substring(a, b) + text.substring(b);
      default -> text.substring(0, a) + text.substring(b);
    };
  }
}
