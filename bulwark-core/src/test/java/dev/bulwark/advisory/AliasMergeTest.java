package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import dev.bulwark.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasMergeTest {
  private final AdvisoryMatcher matcher = new AdvisoryMatcher(new RangeEvaluator(VersionScheme::of));

  private List<AdvisoryMatch> match(String version, String... files) throws AdvisoryException {
    List<StoredAdvisory> candidates = new ArrayList<>();
    for (String f : files) {
      candidates.add(StoredAdvisory.of(TestData.record("merge/" + f)));
    }
    return matcher.match(TestData.exact(Ecosystem.PYPI, "pkg", version), candidates, false);
  }

  @Test
  void recordsSharingAnAliasOrRelatedIdBecomeOneMatch() throws Exception {
    List<AdvisoryMatch> m = match("1.5", "pysec.json", "ghsa.json", "cve-via-related.json", "unrelated.json");

    assertThat(m).hasSize(1);
    AdvisoryMatch a = m.get(0);
    assertThat(a.id()).isEqualTo("GHSA-aaaa-bbbb-cccc");
    assertThat(a.aliases()).containsExactly("CVE-2024-9001", "OSV-2024-77", "PYSEC-2024-900");
    assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(a.cvssScore()).hasValue(7.5);
    assertThat(a.summary()).isEqualTo("Request smuggling in pkg");
    assertThat(a.fixedVersions()).containsExactly("1.9.2", "1.9.3", "1.10", "2.0.1");
    assertThat(a.references()).containsExactly(
        "https://example.invalid/advisories/GHSA-aaaa-bbbb-cccc", "https://example.invalid/pkg/commit/1");
    assertThat(a.kind()).isEqualTo(AdvisoryKind.VULNERABILITY);
  }

  @Test
  void malIdIsPrimaryAndGroupsStaySeparateAndSorted() throws Exception {
    List<AdvisoryMatch> m = match("1.2.3", "unrelated.json", "mal.json", "mal-ghsa.json", "pysec.json");

    assertThat(m).extracting(AdvisoryMatch::id)
        .containsExactly("MAL-2024-4321", "PYSEC-2023-5", "PYSEC-2024-900");
    assertThat(m.get(0).aliases()).containsExactly("GHSA-mmmm-nnnn-pppp");
    assertThat(m.get(0).malicious()).isTrue();
    assertThat(m.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(m.get(1).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void recordsThatDoNotAffectTheVersionDoNotJoinTheGroup() throws Exception {
    List<AdvisoryMatch> m = match("1.9.2", "pysec.json", "ghsa.json", "cve-via-related.json");

    assertThat(m).hasSize(1);
    assertThat(m.get(0).id()).isEqualTo("PYSEC-2024-900");
    assertThat(m.get(0).aliases()).containsExactly("CVE-2024-9001", "OSV-2024-77");
    assertThat(m.get(0).fixedVersions()).containsExactly("1.9.3", "1.10");
  }
}
