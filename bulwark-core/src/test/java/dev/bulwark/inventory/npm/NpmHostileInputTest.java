package dev.bulwark.inventory.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated hostile input: too deep, too large, garbage, and seeded random mutations. */
class NpmHostileInputTest {

  static Stream<LockfileExtractor> extractors() {
    return NpmExtractors.all().stream();
  }

  private static String fileNameFor(LockfileExtractor ex) {
    return Stream.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", ".npmrc",
        "package.json").filter(ex::handles).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"package-lock.json", "bun.lock", "package.json"})
  void jsonNestedTenThousandDeepIsRefusedWithALine(String name) {
    String text = "{\n\"packages\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    LockfileExtractor ex = NpmGoldenTest.extractorFor(name).orElseThrow();
    assertThatThrownBy(() -> ex.extract(LockfileInput.ofText(name, text)))
        .isInstanceOfSatisfying(ExtractionException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("nesting depth");
        });
  }

  @Test
  void hugeJsonStringIsRefused() {
    String text = "{\"lockfileVersion\": 3, \"name\": \"" + "a".repeat(5 << 20) + "\"}";
    assertThatThrownBy(() -> new PackageLockExtractor().extract(
        LockfileInput.ofText("package-lock.json", text)))
        .isInstanceOf(ExtractionException.class).hasMessageContaining("String value length");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{a: ", "- "})
  void yamlNestedTenThousandDeepIsRefused(String open) {
    String text = "lockfileVersion: '9.0'\npackages: " + open.repeat(10_000) + "x\n";
    assertThatThrownBy(() -> new PnpmLockExtractor().extract(
        LockfileInput.ofText("pnpm-lock.yaml", text)))
        .isInstanceOfSatisfying(ExtractionException.class,
            e -> assertThat(e.getMessage()).containsAnyOf("nested", "indented", "YAML"));
  }

  @Test
  void deeplyIndentedBlockYamlIsRefused() {
    StringBuilder b = new StringBuilder("lockfileVersion: '9.0'\n");
    for (int i = 0; i < 1000; i++) {
      b.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    assertThatThrownBy(() -> new PnpmLockExtractor().extract(
        LockfileInput.ofText("pnpm-lock.yaml", b.toString())))
        .isInstanceOfSatisfying(ExtractionException.class, e -> {
          assertThat(e.getMessage()).contains("indented");
          assertThat(e.line()).isGreaterThan(1);
        });
  }

  /** 10 MB of seeded random printable garbage: a clean error or an empty result, nothing else. */
  @ParameterizedTest
  @MethodSource("extractors")
  void tenMegabytesOfGarbage(LockfileExtractor ex) {
    Random r = new Random(20261126L);
    StringBuilder b = new StringBuilder(10 << 20);
    String alphabet = "abc{}[]\":,-#@ \n\t'0123456789!&*|>";
    while (b.length() < 10 << 20) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    String name = fileNameFor(ex);
    try {
      Inventory inv = ex.extract(LockfileInput.ofText(name, b.toString()));
      assertThat(inv.dependencies()).isEmpty();
      assertThat(inv.problems()).hasSizeLessThanOrEqualTo(Issues.MAX_PROBLEMS + 1);
    } catch (ExtractionException e) {
      assertThat(e.file()).isEqualTo(name);
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.getCause()).as("internal failure: %s", e.getMessage()).isNull();
    }
  }

  static Stream<Path> goldenInputs() throws IOException, URISyntaxException {
    Path root = Path.of(NpmHostileInputTest.class
        .getResource("/dev/bulwark/inventory/npm/testdata").toURI());
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("expected.tsv"))
          .map(p -> {
            try {
              return NpmGoldenTest.inputFile(p.getParent());
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }).sorted().toList().stream();
    }
  }

  /**
   * Property: for any mutation of a real input (cut, deleted span, inserted junk, repeated line),
   * an extractor returns an inventory or throws ExtractionException, never anything else.
   */
  @ParameterizedTest
  @MethodSource("goldenInputs")
  void randomMutationsNeverCrash(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8);
    String name = input.getFileName().toString();
    LockfileExtractor ex = NpmGoldenTest.extractorFor(name).orElseThrow();
    Random r = new Random(name.hashCode() * 31L + text.length());
    for (int i = 0; i < 150; i++) {
      String mutated = mutate(text, r);
      try {
        Inventory inv = ex.extract(LockfileInput.ofText(name, mutated));
        assertThat(inv.problems()).hasSizeLessThanOrEqualTo(Issues.MAX_PROBLEMS + 1);
      } catch (ExtractionException e) {
        assertThat(e.line()).isNotNegative();
        assertThat(e.getCause()).as("internal failure on mutation %d of %s: %s", i, name,
            e.getMessage()).isNull();
      }
    }
  }

  private static String mutate(String text, Random r) {
    if (text.isEmpty()) {
      return "x";
    }
    int a = r.nextInt(text.length());
    int b = Math.min(text.length(), a + r.nextInt(40));
    List<String> junk = List.of("\"", "{", "}", "[", "]", ":", ",", "\n", "  ", "@", "/", "&a",
        "*a", "!!binary", "\"version\": 5,", "dependencies:", "link:", "npm:", "#", "(", ")");
    return switch (r.nextInt(4)) {
      case 0 -> text.substring(0, a);
      case 1 -> text.substring(0, a) + text.substring(b);
      case 2 -> text.substring(0, a) + junk.get(r.nextInt(junk.size())) + text.substring(a);
      default -> text.substring(0, b) + text.substring(a, b) + text.substring(b);
    };
  }
}
