package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.scan.Catalogs;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end checks against a loopback registry; never contacts a real one. */
class CheckerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);
  static FakeRegistry registry;
  static StaticAnalyzer analyzer;

  @BeforeAll
  static void start() throws Exception {
    registry = new FakeRegistry();
    analyzer = new StaticAnalyzer(Catalogs.load(List.of()));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static Checker checker(Optional<MetadataCache> cache) {
    return checker(cache, Optional.empty());
  }

  static Checker checker(Optional<MetadataCache> cache, Optional<dev.bulwark.audit.AdvisoryLookup> adv) {
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT, cache, d -> { });
    NpmSettings npm = new NpmSettings(registry.base, Map.of(), Credentials.none(), "test");
    PypiSettings pypi = new PypiSettings(registry.base + "/simple", List.of(), "test");
    Checker.Registries regs = new Checker.Registries(Optional.of(new NpmClient(http, npm)), "",
        Optional.of(new PypiClient(http, pypi)), "");
    MetadataHeuristics h = new MetadataHeuristics(Typosquats.builtin(),
        new MetadataHeuristics.Options(7, Set.of(), false));
    return new Checker(regs, h, Typosquats.builtin(), analyzer,
        new ArtifactReader(ReaderLimits.defaults()), adv, CLOCK);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("npm:quiet-lantern", "1.1.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("npm:quiet-lantern@1.0.0", "1.0.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("npm:quiet-lantern@^1.0.0", "1.1.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("npm:evil-hooks", "1.0.0", CheckVerdict.MALICIOUS,
            List.of("metadata/first-release", "metadata/young-version", "metadata/no-repository"), "", ""),
        Arguments.of("npm:expresss", "4.0.0", CheckVerdict.SUSPICIOUS,
            List.of("metadata/typosquat", "metadata/first-release"), "express", ""),
        Arguments.of("npm:steady-clock", "2.1.0", CheckVerdict.SUSPICIOUS,
            List.of("metadata/new-install-script", "metadata/new-maintainer",
                "metadata/provenance-regression"), "", ""),
        Arguments.of("npm:steady-clock@2.0.0", "2.0.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("npm:tampered-pkg", "1.0.0", CheckVerdict.SUSPICIOUS, List.of(), "", "integrity-mismatch"),
        Arguments.of("npm:no-such-package-here", "", CheckVerdict.UNKNOWN, List.of(), "", "registry-error"),
        Arguments.of("pypi:quiet-lantern==1.0.0", "1.0.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("pypi:quiet-lantern>=1.0,<1.1", "1.0.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("pypi:Quiet_Lantern", "1.1.0", CheckVerdict.CLEAN, List.of(), "", ""),
        Arguments.of("pypi:reqeusts", "0.0.1", CheckVerdict.SUSPICIOUS,
            List.of("metadata/typosquat", "metadata/no-readme"), "requests", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checks(String target, String version, CheckVerdict verdict, List<String> rules, String didYouMean,
      String problem) {
    CheckResult r = checker(Optional.empty()).check(CheckTarget.parse(target));
    assertThat(r.version()).isEqualTo(version);
    assertThat(r.metadata().stream().map(Finding::ruleId)).containsAll(rules);
    assertThat(r.didYouMean()).isEqualTo(didYouMean);
    assertThat(r.problems().stream().map(Problem::code).toList())
        .isEqualTo(problem.isEmpty() ? List.of() : List.of(problem));
    assertThat(r.verdict()).as(r.reason()).isEqualTo(verdict);
    if (!didYouMean.isEmpty()) {
      assertThat(r.recommendation()).contains("Did you mean `" + didYouMean + "`?");
    }
    if (target.equals("pypi:quiet-lantern==1.0.0")) {
      assertThat(r.metadata()).isEmpty();
    }
    if (problem.isEmpty() && !version.isEmpty()) {
      assertThat(r.code()).isPresent();
    }
  }

  @Test
  void cacheServesTheSecondCheckAndTimingIsReported(@TempDir Path dir) {
    Checker c = checker(Optional.of(new MetadataCache(dir, Duration.ofHours(1), Clock.systemUTC())));
    int before = registry.hits("/quiet-lantern");
    long t0 = System.nanoTime();
    CheckResult cold = c.check(CheckTarget.parse("npm:quiet-lantern"));
    long t1 = System.nanoTime();
    CheckResult warm = c.check(CheckTarget.parse("npm:quiet-lantern"));
    long t2 = System.nanoTime();
    System.out.printf("check latency against loopback: cold %d ms, warm %d ms%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    assertThat(registry.hits("/quiet-lantern") - before).isEqualTo(1);
    assertThat(warm.verdict()).isEqualTo(cold.verdict());
  }

  @Test
  void aMaliciousAdvisoryMakesACleanLookingPackageMalicious() {
    dev.bulwark.audit.AdvisoryLookup lookup = d -> d.name().equals("quiet-lantern")
        ? List.of(new dev.bulwark.model.AuditFinding("MAL-2026-0001", List.of(),
            dev.bulwark.model.AdvisoryKind.MALICIOUS, dev.bulwark.model.Severity.CRITICAL,
            java.util.OptionalDouble.empty(), "Malicious code in quiet-lantern", d, List.of(), false,
            List.of()))
        : List.of();
    CheckResult r = checker(Optional.empty(), Optional.of(lookup)).check(CheckTarget.parse("npm:quiet-lantern@1.0.0"));
    assertThat(r.verdict()).isEqualTo(CheckVerdict.MALICIOUS);
    assertThat(r.reason()).contains("MAL-2026-0001");
    assertThat(r.advisories()).hasSize(1);
  }

  @Test
  void clientsAskForTheDocumentedShapes() throws Exception {
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT, Optional.empty(), d -> { });
    NpmClient npm = new NpmClient(http, new NpmSettings(registry.base, Map.of(), Credentials.none(), "t"));
    assertThat(npm.packument("quiet-lantern", true).path("name").asText()).isEqualTo("quiet-lantern");
    assertThat(NpmClient.encode("@types/node")).isEqualTo("@types%2fnode");
    PypiClient pypi = new PypiClient(http, new PypiSettings(registry.base + "/simple", List.of(), "t"));
    assertThat(pypi.simple("Quiet_Lantern").path("name").asText()).isEqualTo("quiet-lantern");
    assertThat(pypi.version("quiet-lantern", "1.0.0").path("info").path("name").asText()).isEqualTo("quiet-lantern");
    assertThat(registry.accepts).contains("/quiet-lantern " + NpmClient.ABBREVIATED,
        "/simple/quiet-lantern/ " + PypiClient.SIMPLE_JSON);
  }
}
