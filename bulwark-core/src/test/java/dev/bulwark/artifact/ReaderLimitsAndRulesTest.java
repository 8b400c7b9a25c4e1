package dev.bulwark.artifact;

import static dev.bulwark.artifact.TestArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReaderLimitsAndRulesTest {
  @TempDir Path tmp;

  @Test
  void defaultsAreTheDocumentedOnes() {
    ReaderLimits d = ReaderLimits.defaults();
    assertThat(d.maxTotalBytes()).isEqualTo(512L << 20);
    assertThat(d.maxFileBytes()).isEqualTo(64L << 20);
    assertThat(d.maxEntries()).isEqualTo(50_000);
    assertThat(d.maxCompressionRatio()).isEqualTo(200.0);
    assertThat(d.maxNestingDepth()).isEqualTo(3);
    assertThat(d.timeBudget()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void nonsenseLimitsAreRejected() {
    assertThatThrownBy(() -> ReaderLimits.defaults().withMaxEntries(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReaderLimits.defaults().withMaxFileBytes(1L << 40))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReaderLimits.defaults().withTimeBudget(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRuleIdConstantHasMetadata() throws IllegalAccessException {
    List<String> ids = new ArrayList<>();
    for (Field f : ReaderFindingRules.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        ids.add((String) f.get(null));
      }
    }
    assertThat(ReaderFindingRules.all()).extracting(ReaderFindingRule::id)
        .containsExactlyInAnyOrderElementsOf(ids)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(ReaderFindingRules.all()).allSatisfy(r -> {
      assertThat(r.id()).matches("archive-[a-z-]+");
      assertThat(List.of(r.title(), r.what(), r.why(), r.action())).allSatisfy(
          s -> assertThat(s).isNotBlank());
    });
    assertThat(ReaderFindingRules.find(ReaderFindingRules.BOMB).orElseThrow().threat()).isTrue();
    assertThat(ReaderFindingRules.find("no-such-rule")).isEmpty();
  }

  @Test
  void timeBudgetStopsReadingAndIsReported() throws IOException {
    List<TestArchives.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      entries.add(file("p/" + i + ".js", "x"));
    }
    Path p = tmp.resolve("slow.tgz");
    Files.write(p, TestArchives.gzip(TestArchives.tar(entries)));
    // Every look at the clock costs a hundred seconds; the last resort is six hundred.
    Clock slow = new Clock() {
      private Instant now = Instant.EPOCH;

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        now = now.plusSeconds(100);
        return now;
      }
    };
    Artifact a = new ArtifactReader(ReaderLimits.defaults(), slow).read(p, Optional.empty()).get(0);
    assertThat(a.files()).hasSizeBetween(1, 10);
    assertThat(a.readerFindings()).extracting(f -> f.ruleId())
        .containsExactly(ReaderFindingRules.TIME_BUDGET);
    assertThat(a.skipped()).isNotEmpty();
  }

  @Test
  void findingsOfOneRuleAreCappedWithASummary() {
    List<TestArchives.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      entries.add(file("../x" + i, "x"));
    }
    Artifact a = new ArtifactReader(ReaderLimits.defaults())
        .read("many.tar", TestArchives.tar(entries), Optional.empty());
    assertThat(a.readerFindings()).hasSize(ReadContext.MAX_FINDINGS_PER_RULE + 1);
    assertThat(a.readerFindings()).anySatisfy(f -> assertThat(f.message()).startsWith("70 more"));
    assertThat(a.skipped()).hasSize(120);
  }

  /** Seeded random corruption of valid archives: never an exception, always one artifact. */
  @ParameterizedTest
  @ValueSource(strings = {"tgz", "zip", "tar.bz2", "tar.xz"})
  void mutatedArchivesNeverThrow(String format) throws IOException {
    List<TestArchives.Entry> entries = List.of(
        file("package/package.json", "{\"name\":\"m\",\"version\":\"1.0.0\"}"),
        file("package/index.js", "console.log('hello world');\n".repeat(50)),
        file("package/lib/a.js", "module.exports = 42;\n"));
    byte[] tar = TestArchives.tar(entries);
    byte[] valid = switch (format) {
      case "tgz" -> TestArchives.gzip(tar);
      case "tar.bz2" -> TestArchives.bzip2(tar);
      case "tar.xz" -> TestArchives.xz(tar);
      default -> TestArchives.zip(entries);
    };
    Random r = new Random(format.hashCode());
    ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());
    for (int round = 0; round < 150; round++) {
      byte[] b = valid.clone();
      int flips = 1 + r.nextInt(8);
      for (int i = 0; i < flips; i++) {
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      }
      if (r.nextInt(4) == 0) {
        b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
      }
      Artifact a = reader.read("fuzz." + format, b, Optional.empty());
      assertThat(a.files()).allSatisfy(f -> {
        assertThat(f.path()).doesNotStartWith("/").doesNotContain("..").doesNotContain("\\");
        assertThat((long) f.content().length).isLessThanOrEqualTo(64L << 20);
      });
    }
  }
}
