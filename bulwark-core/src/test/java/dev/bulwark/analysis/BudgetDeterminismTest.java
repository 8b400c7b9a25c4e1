package dev.bulwark.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.heuristics.BuiltinHeuristics;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Budgets are counted in work, so a budget-heavy package gets the same verdict, score, findings
 * and skipped files whatever the clock does: here the clock jumps a second on every read, which
 * would have ended every time-based budget (2 s per parse) at once. Only the wall-clock last
 * resort reads the clock, and when it fires the result says so.
 */
class BudgetDeterminismTest {
  private static final RuleCatalog CATALOG =
      RuleCatalog.builtin().withUserRules(TestData.path("rules"));
  private static final long DAY_MILLIS = 86_400_000L;
  /** Work limits small enough that the nested file runs out; a last resort of one day. */
  private static final EngineLimits WORK_BOUND =
      new EngineLimits(3_000, 3_000, 8 * 1024 * 1024, 2 * 1024 * 1024, 3, 1024 * 1024, 32, 30_000, DAY_MILLIS);

  @Test
  void sameWorkLimitGivesTheSameResultWhateverTheClockDoes() throws Exception {
    Artifact pkg = fixture();
    ScanResult steady = analyze(pkg, WORK_BOUND, System::nanoTime);
    ScanResult jumping = analyze(pkg, WORK_BOUND, jumpingClock(1_000_000_000L));

    assertThat(steady.skipped()).extracting(Skipped::reason)
        .anySatisfy(r -> assertThat(r).contains("work budget"))
        .noneSatisfy(r -> assertThat(r).contains("wall-clock"));
    assertThat(steady.findings()).isNotEmpty();
    assertThat(jumping.verdict()).isEqualTo(steady.verdict());
    assertThat(jumping.score()).isEqualTo(steady.score());
    assertThat(jumping.findings()).isEqualTo(steady.findings());
    assertThat(jumping.skipped()).isEqualTo(steady.skipped());
    assertThat(jumping.errors()).isEqualTo(steady.errors());
  }

  @Test
  void lastResortIsReportedWhenItFires() throws Exception {
    EngineLimits tenSeconds = new EngineLimits(3_000, 3_000, 8 * 1024 * 1024, 2 * 1024 * 1024, 3,
        1024 * 1024, 32, 30_000, 10_000);
    ScanResult r = analyze(fixture(), tenSeconds, jumpingClock(1_000_000_000L));

    assertThat(r.skipped()).extracting(Skipped::reason)
        .anySatisfy(s -> assertThat(s).contains("wall-clock limit (last resort"));
  }

  private static ScanResult analyze(Artifact a, EngineLimits limits, LongSupplier clock) {
    return new StaticAnalyzer(CATALOG, limits, BuiltinHeuristics.all(), clock).analyze(a);
  }

  /** A monotonic clock that moves {@code step} nanoseconds every time it is read. */
  private static LongSupplier jumpingClock(long step) {
    long[] now = {0};
    return () -> now[0] += step;
  }

  private static Artifact fixture() throws Exception {
    List<ArtifactFile> files = new ArrayList<>();
    for (String name : List.of("package.json", "loader.js")) {
      files.add(new ArtifactFile(name, Files.readAllBytes(TestData.path("determinism/" + name)), false));
    }
    String deep = "eval" + "(".repeat(100_000) + "x" + ")".repeat(100_000) + ";\n";
    files.add(new ArtifactFile("deep.js", deep.getBytes(StandardCharsets.UTF_8), false));
    return new Artifact("determinism-fixture", Optional.empty(), "determinism-fixture", "1.0.0",
        files, List.of(), List.of(), List.of());
  }
}
