package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsvParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      # file                                   | kind          | severity | score | affected | other
      ranges/no-ranges-no-versions.json        | MALICIOUS     | CRITICAL | -1    | 1        | 0
      merge/mal-ghsa.json                      | MALICIOUS     | CRITICAL | -1    | 1        | 0
      parse/mal-origins.json                   | MALICIOUS     | CRITICAL | -1    | 1        | 0
      parse/mal-details.json                   | MALICIOUS     | CRITICAL | -1    | 1        | 0
      parse/vuln-mentions-malicious.json       | VULNERABILITY | UNKNOWN  | -1    | 1        | 0
      parse/cvss-v4-and-v3.json                | VULNERABILITY | CRITICAL | 9.3   | 1        | 0
      parse/db-severity-only.json              | VULNERABILITY | MEDIUM   | -1    | 1        | 0
      merge/ghsa.json                          | VULNERABILITY | HIGH     | 7.5   | 1        | 0
      parse/no-severity.json                   | VULNERABILITY | UNKNOWN  | -1    | 1        | 0
      parse/other-ecosystems.json              | VULNERABILITY | UNKNOWN  | -1    | 0        | 2
      """)
  void classifiesAndScores(
      String file, AdvisoryKind kind, Severity severity, double score, int affected, int other)
      throws Exception {
    OsvRecord r = TestData.record(file);

    assertThat(r.kind()).isEqualTo(kind);
    assertThat(r.severity()).isEqualTo(severity);
    if (score < 0) {
      assertThat(r.score()).isEmpty();
    } else {
      assertThat(r.score()).hasValue(score);
    }
    assertThat(r.affected()).hasSize(affected);
    assertThat(r.otherEcosystems()).hasSize(other);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      parse/truncated-json.json        | not valid JSON
      parse/event-without-version.json | range event without a version
      parse/missing-modified.json      | no "modified"
      parse/not-an-object.json         | not a JSON object
      """)
  void rejectsMalformedRecordsNamingTheEntry(String file, String message) {
    assertThatThrownBy(() -> TestData.record(file))
        .isInstanceOf(AdvisoryException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void keepsFieldsMatchingNeeds() throws Exception {
    OsvRecord r = TestData.record("merge/ghsa.json");

    assertThat(r.id()).isEqualTo("GHSA-aaaa-bbbb-cccc");
    assertThat(r.aliases()).containsExactly("CVE-2024-9001");
    assertThat(r.modified()).isEqualTo("2024-03-02T00:00:00Z");
    assertThat(r.references()).containsExactly("https://example.invalid/advisories/GHSA-aaaa-bbbb-cccc");
    assertThat(r.affected().get(0).ranges().get(0).events()).hasSize(4);
  }

  @Test
  void dropsGitRangesButRemembersThatRangesWereGiven() throws Exception {
    OsvAffected a = TestData.record("ranges/git-only.json").affected().get(0);

    assertThat(a.ranges()).isEmpty();
    assertThat(a.allVersions()).isFalse();
  }
}
