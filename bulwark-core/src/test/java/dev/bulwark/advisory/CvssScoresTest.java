package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Base scores against published examples. v3.x: the worked examples of FIRST's "CVSS v3.1
 * Examples" document (CVE named per row). v4.0: scores shown by FIRST's v4.0 calculator for these
 * vectors.
 */
class CvssScoresTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      # v3.1 specification examples
      CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N   | 7.5
      CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H   | 9.8
      CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N   | 6.1
      CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N   | 6.4
      CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N   | 3.1
      CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H   | 9.9
      CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L   | 4.2
      CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H   | 8.8
      CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H   | 7.8
      CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N   | 7.4
      CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H   | 9.6
      CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N   | 6.8
      # v3.0 vector (as in the NSWG records)
      CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N   | 6.5
      # v4.0 calculator examples
      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H | 10.0
      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 9.3
      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H | 7.9
      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N | 6.9
      CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N | 5.3
      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N | 0.0
      CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U | 9.1
      CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/E:X | 5.3
      """)
  void scoresPublishedExamples(String vector, double expected) {
    assertThat(CvssScores.baseScore(vector)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "CVSS:3.1/AV:N",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/C:L",
        "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "AV:N/AC:L/Au:N/C:P/I:P/A:P",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H"
      })
  void rejectsMalformedAndUnsupportedVectors(String vector) {
    assertThat(CvssScores.baseScore(vector)).isEmpty();
  }
}
