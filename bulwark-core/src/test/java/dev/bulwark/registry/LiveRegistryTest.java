package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.scan.Catalogs;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in: checks a well-known package against the registry the machine's own npm is configured
 * for (no host is written here). Run with -Dbulwark.live=true.
 */
@EnabledIfSystemProperty(named = "bulwark.live", matches = "true")
class LiveRegistryTest {
  @Test
  void checksAWellKnownPackageFromTheConfiguredRegistry() throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    ConfigSources src = new ConfigSources(cwd, Path.of(System.getProperty("user.home")),
        System.getenv(), new ProcessCommandRunner(cwd));
    NpmSettings npm = RegistryConfig.npm(src, Optional.empty());
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT,
        Optional.empty(), d -> Thread.sleep(d.toMillis()));
    Checker c = new Checker(new Checker.Registries(Optional.of(new NpmClient(http, npm)), "",
        Optional.empty(), "pypi not configured in this test"),
        new MetadataHeuristics(Typosquats.builtin(), new MetadataHeuristics.Options(7, Set.of(), false)),
        Typosquats.builtin(), new StaticAnalyzer(Catalogs.load(List.of())),
        new ArtifactReader(ReaderLimits.defaults()), Optional.empty(), Clock.systemUTC());
    CheckResult r = c.check(CheckTarget.parse("npm:semver@7.6.0"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.verdict()).isNotEqualTo(CheckVerdict.MALICIOUS);
  }
}
