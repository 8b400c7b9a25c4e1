package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataHeuristicsTest {
  static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

  static Release rel(String v, String when, String publisher, Map<String, String> scripts,
      boolean attested, String description) {
    return new Release(v, Optional.of(Instant.parse(when)), publisher, List.of("ann", "ben"),
        scripts, attested, "https://example.invalid/o/tidy-widget", description, "", "");
  }

  static PackageHistory npm(String name, Release... rs) {
    return new PackageHistory(Ecosystem.NPM, name, List.of(rs), rs[rs.length - 1].version(), true, Map.of());
  }

  static Stream<Arguments> cases() {
    Release a = rel("1.0.0", "2020-01-01T00:00:00Z", "ann", Map.of(), false, "Widgets");
    List<Release> burst = new ArrayList<>(List.of(a));
    for (int i = 1; i <= 5; i++) {
      burst.add(rel("1.0." + i, "2025-01-01T0" + i + ":00:00Z", "ann", Map.of(), false, "Widgets"));
    }
    return Stream.of(
        Arguments.of("dormant", npm("tidy-widget", a,
            rel("1.1.0", "2024-01-01T00:00:00Z", "ann", Map.of(), false, "Widgets")),
            "1.1.0", Set.of(), false, List.of("metadata/dormant-then-release")),
        Arguments.of("burst", npm("tidy-widget", burst.toArray(Release[]::new)),
            "1.0.5", Set.of(), false, List.of("metadata/version-burst")),
        Arguments.of("security holding", npm("tidy-widget", a,
            rel("0.0.1-security", "2020-02-01T00:00:00Z", "npm", Map.of(), false, "security holding package")),
            "0.0.1-security", Set.of(), false, List.of("metadata/security-holding", "metadata/new-maintainer")),
        Arguments.of("unchanged script is not new", npm("tidy-widget",
            rel("1.0.0", "2020-01-01T00:00:00Z", "ann", Map.of("postinstall", "node a.js"), false, "W"),
            rel("1.0.1", "2020-02-01T00:00:00Z", "ann", Map.of("postinstall", "node a.js"), false, "W")),
            "1.0.1", Set.of(), false, List.of()),
        Arguments.of("changed script", npm("tidy-widget",
            rel("1.0.0", "2020-01-01T00:00:00Z", "ann", Map.of("postinstall", "node a.js"), false, "W"),
            rel("1.0.1", "2020-02-01T00:00:00Z", "ann", Map.of("postinstall", "node b.js"), false, "W")),
            "1.0.1", Set.of(), false, List.of("metadata/new-install-script")),
        Arguments.of("young version", npm("tidy-widget", a,
            rel("1.0.1", "2026-11-19T00:00:00Z", "ann", Map.of(), false, "W")),
            "1.0.1", Set.of(), false, List.of("metadata/young-version", "metadata/dormant-then-release")),
        Arguments.of("private scope name on public registry", npm("acme-tools", a),
            "1.0.0", Set.of("@acme"), false, List.of("metadata/dependency-confusion",
                "metadata/first-release", "metadata/no-repository")),
        Arguments.of("pip mixed indexes", new PackageHistory(Ecosystem.PYPI, "tidy-widget",
            List.of(a, rel("1.0.1", "2020-02-01T00:00:00Z", "", Map.of(), false, "W")), "1.0.1", true, Map.of()),
            "1.0.1", Set.of(), true, List.of("metadata/dependency-confusion")),
        Arguments.of("quiet history", npm("tidy-widget", a,
            rel("1.0.1", "2020-02-01T00:00:00Z", "ben", Map.of(), false, "W")),
            "1.0.1", Set.of(), false, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactlyTheExpectedSignals(String label, PackageHistory h, String version,
      Set<String> scopes, boolean mixed, List<String> expected) {
    MetadataHeuristics mh = new MetadataHeuristics(Typosquats.builtin(),
        new MetadataHeuristics.Options(7, scopes, mixed));
    List<String> ids = mh.evaluate(h, h.release(version).orElseThrow(), NOW).stream()
        .map(Finding::ruleId).sorted().toList();
    assertThat(ids).isEqualTo(expected.stream().sorted().toList());
  }
}
