package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code scans remembered by integrity hash across checker instances (and so across runs). */
class ScanCacheTest {
  @BeforeAll
  static void start() throws Exception {
    CheckerTest.start();
  }

  @AfterAll
  static void stop() {
    CheckerTest.stop();
  }

  private static CheckResult check(Path file, String engine, String target) throws Exception {
    try (ScanCache cache = ScanCache.open(file, engine)) {
      return CheckerTest.checker(Optional.empty()).withScanCache(cache).check(CheckTarget.parse(target));
    }
  }

  @Test
  void aVerifiedScanIsReusedFromDiskWithoutDownloadingAgain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("scans.db");
    String tgz = "/evil-hooks/-/evil-hooks-1.0.0.tgz";
    int before = CheckerTest.registry.hits(tgz);
    CheckResult first = check(file, "e1", "npm:evil-hooks");
    assertThat(CheckerTest.registry.hits(tgz) - before).isEqualTo(1);
    CheckResult again = check(file, "e1", "npm:evil-hooks");
    assertThat(CheckerTest.registry.hits(tgz) - before).as("cached: no second download").isEqualTo(1);
    assertThat(again.verdict()).isEqualTo(CheckVerdict.MALICIOUS);
    assertThat(again.code()).isEqualTo(first.code());
    check(file, "e2", "npm:evil-hooks");
    assertThat(CheckerTest.registry.hits(tgz) - before).as("another engine rescans").isEqualTo(2);
  }

  @Test
  void phaseTimesCountScansAndCacheHits(@TempDir Path dir) throws Exception {
    try (ScanCache cache = ScanCache.open(dir.resolve("scans.db"), "e1")) {
      Checker c = CheckerTest.checker(Optional.empty()).withScanCache(cache);
      c.check(CheckTarget.parse("npm:quiet-lantern@1.0.0"));
      c.check(CheckTarget.parse("npm:quiet-lantern@1.0.0"));
      c.check(CheckTarget.parse("npm:nope-not-here"));
      PhaseTimes t = c.phaseTimes();
      assertThat(List.of(t.checks(), t.scanned(), t.cached())).containsExactly(3, 1, 1);
      assertThat(t.scanNanos()).isPositive();
      assertThat(t.totalNanos()).isGreaterThanOrEqualTo(t.scanNanos() + t.metadataNanos());
    }
  }

  @Test
  void weakOrMissingHashesAndDamagedEntriesAreNeverServed(@TempDir Path dir) throws Exception {
    ScanResult r = CheckerTest.checker(Optional.empty()).check(CheckTarget.parse("npm:quiet-lantern@1.0.0"))
        .code().orElseThrow();
    try (ScanCache cache = ScanCache.open(dir.resolve("scans.db"), "e1")) {
      cache.put("sha1-AAAA", r);
      cache.put("", r);
      cache.put("sha512-AAAA", r);
      assertThat(cache.get("sha1-AAAA")).isEmpty();
      assertThat(cache.get("")).isEmpty();
      assertThat(cache.get("sha512-AAAA")).contains(r);
      assertThat(ScanCache.disabled().get("sha512-AAAA")).isEmpty();
    }
    Files.writeString(dir.resolve("bad.db"), "not a database");
    try (ScanCache bad = ScanCache.open(dir.resolve("bad.db"), "e1")) {
      bad.put("sha512-AAAA", r);
      assertThat(bad.get("sha512-AAAA")).isEmpty();
    } catch (java.io.IOException e) {
      assertThat(e).hasMessageContaining("scan cache");
    }
  }

  @Test
  void engineKeysNameTheVersionAndTheRuleSet() {
    var catalog = dev.bulwark.scan.Catalogs.load(List.of());
    String k = ScanCache.engineKey("1.0", catalog);
    assertThat(ScanCache.engineKey("1.0", catalog)).isEqualTo(k).startsWith("1.0/");
    assertThat(ScanCache.engineKey("1.1", catalog)).isNotEqualTo(k);
    assertThat(ScanCache.engineKey("1.0", dev.bulwark.analysis.RuleCatalog.of(List.of()))).isNotEqualTo(k);
    // Tests run from a classes folder, not a jar: the caller falls back to the catalog digest.
    assertThat(ScanCache.jarEngineKey("1.0")).isEmpty();
  }
}
