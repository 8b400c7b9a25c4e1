package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmFeedTest {
  @Test
  void packumentVersionsWithTheStrongestHash() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("testdata/npm-packument.json")) {
      List<VersionEvent> es = NpmFeed.parsePackument("demo-pkg", new ObjectMapper().readTree(in), "7");
      assertThat(es).extracting(e -> e.key().version()).containsExactly("1.0.0", "1.0.1", "1.0.3");
      assertThat(es.get(0).expected()).isEqualTo(new ArtifactHash("sha512", "0102"));
      assertThat(es.get(0).published()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
      assertThat(es.get(1).expected()).isEqualTo(new ArtifactHash("sha1", "abcd"));
      assertThat(es.get(1).published()).isEqualTo(Instant.EPOCH);
      assertThat(es.get(2).expected()).isEqualTo(ArtifactHash.none());
      assertThat(es).allMatch(e -> e.position().equals("7") && e.feed().equals("npm"));
    }
  }

  @ParameterizedTest
  @CsvSource({"123, 123", "45-g1AAAAB, 45", "g1AAA, -1", "0, 0", "'', -1"})
  void leadingNumberOfAnOpaqueSeq(String seq, long n) {
    assertThat(NpmFeed.leadingNumber(seq)).isEqualTo(n);
  }

  @ParameterizedTest
  @CsvSource({"left-pad, left-pad", "@scope/name, @scope%2fname", "a b, a+b"})
  void packumentPathOfAName(String name, String path) {
    assertThat(NpmFeed.encodeName(name)).isEqualTo(path);
  }
}
