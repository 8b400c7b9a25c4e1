package dev.bulwark.analysis.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Category;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IocFeedTest {
  private static final IocFeed FEED = IocFeed.load(List.of(testdata("feed.csv")));

  static Path testdata(String relative) {
    try {
      return Path.of(IocFeedTest.class.getResource("testdata/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> scanCases() throws IOException {
    try (Stream<Path> s = Files.list(testdata("scan"))) {
      return s.sorted().toList().stream();
    }
  }

  /** Each scan case's first line is "# expect: v1 | v2" or "# expect: none". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scanCases")
  void scanFindsExactlyTheExpectedIndicators(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String first = text.lines().findFirst().orElseThrow();
    String expect = first.substring(first.indexOf(':') + 1).strip();
    List<String> want = expect.equals("none") ? List.of() : List.of(expect.split("\\s*\\|\\s*"));
    String body = text.substring(first.length());
    assertThat(FEED.scan(body).stream().map(h -> h.ioc().value()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void hitOffsetsPointAtTheMatchedText() {
    String text = "x = 'https://a.EVIL-CDN.invalid/p'";
    IocHit hit = FEED.scan(text).get(0);
    assertThat(text.substring(hit.start(), hit.end())).isEqualTo("EVIL-CDN.invalid");
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2[.]1, 192.0.2.1",
    "hxxp://a[.]invalid, http://a.invalid",
    "hxxps[://]a[.]invalid, https://a.invalid",
    "a(.)b{.}c[dot]d, a.b.c.d",
    "HXXP://x[:]80, http://x:80",
  })
  void refangUndoesDefanging(String in, String out) {
    assertThat(IocParser.refang(in)).isEqualTo(out);
  }

  @Test
  void hashLookupUsesTheDigestBytes() {
    byte[] known = HexFormat.of().parseHex("ab5df3a21c0aff2f42f7f5d1e0b4a7c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7");
    assertThat(FEED.hash(known)).map(h -> h.ioc().source()).contains("test:hash");
    known[0] ^= 1;
    assertThat(FEED.hash(known)).isEmpty();
    assertThat(FEED.hash(new byte[16])).isEmpty();
  }

  @Test
  void packageLookupMatchesVersionsAndWholePackages() {
    assertThat(FEED.problems()).isEmpty();
    assertThat(FEED.knownPackage(Ecosystem.NPM, "@demo-scope/helper", "1.2.3")).isPresent();
    assertThat(FEED.knownPackage(Ecosystem.NPM, "@demo-scope/helper", "1.2.4")).isEmpty();
    assertThat(FEED.knownPackage(Ecosystem.NPM, "Bad-NPM-Pkg", "0.0.1")).isPresent();
    assertThat(FEED.knownPackage(Ecosystem.PYPI, "bad-py-pkg", "3.0")).isPresent();
    assertThat(FEED.knownPackage(Ecosystem.NPM, "bad-py-pkg", "3.0")).isEmpty();
  }

  @Test
  void userFolderLoadsGoodLinesAndReportsBadOnesWithLine() {
    IocFeed feed = IocFeed.load(List.of(testdata("user")));
    assertThat(feed.scan("see user-added.invalid and second.invalid and ignored.invalid"))
        .extracting(h -> h.ioc().value())
        .containsExactly("user-added.invalid", "second.invalid");
    assertThat(feed.problems()).extracting(Problem::code).containsOnly("parse-error");
    assertThat(feed.problems()).extracting(p -> p.location().line()).containsExactly(3, 4, 5, 6);
    assertThat(feed.scan("second.invalid").get(0).ioc().source()).endsWith("extra.csv");
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.44, SUSPICIOUS_NETWORK",
    "evil-cdn.invalid, SUSPICIOUS_NETWORK",
    "ab5df3a21c0aff2f42f7f5d1e0b4a7c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7, BINARY_PAYLOAD",
  })
  void hitsBecomeCriticalThreatFindings(String text, Category category) {
    IocHit hit = FEED.scan(text).get(0);
    Finding f = IocFindings.of(hit, SourceLocation.of("a.js", 3), text);
    assertThat(f.category()).isEqualTo(category);
    assertThat(f.threat()).isTrue();
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.message()).contains(hit.ioc().source());
  }

  @Test
  void missingExtraFileIsAProblemNotACrash() {
    IocFeed feed = IocFeed.load(List.of(Path.of("does-not-exist.csv")));
    assertThat(feed.problems()).extracting(Problem::code).containsExactly("read-error");
    assertThat(feed.indicators()).isNotEmpty();
  }

  @Test
  void builtinSnapshotIsCleanAndHasTheReportedIndicators() {
    IocFeed feed = IocFeed.builtin();
    assertThat(feed.problems()).isEmpty();
    assertThat(feed.indicators()).hasSizeGreaterThan(1000);
    assertThat(feed.scan("axios.get('http://23.227.202.244:1224/pdown')"))
        .extracting(h -> h.ioc().type())
        .contains(IocType.URL);
    assertThat(feed.knownPackage(Ecosystem.NPM, "02-echo", "0.0.7")).isPresent();
    // Registry web pages (package listings) are references in the reports, not indicators.
    assertThat(feed.indicators()).noneMatch(i -> i.type() == IocType.URL
        && (i.value().contains("/package/") || i.value().contains("/project/")));
  }

  /** Seeded: indicators dropped into random code-like noise are found exactly where they were put. */
  @Test
  void randomTextFindsPlantedIndicators() {
    Random rnd = new Random(20261126L);
    List<String> values = List.of("192.0.2.44", "evil-cdn.invalid", "http://203.0.113.9:1244/pdown");
    String alphabet = "abcdefxyz0123456789 ;(){}\n'\".,/:=";
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      String planted = values.get(rnd.nextInt(values.size()));
      int at = 0;
      for (int i = 0; i < 300; i++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        if (i == 150) {
          sb.append(" '");
          at = sb.length();
          sb.append(planted).append("' ");
        }
      }
      int start = at;
      assertThat(FEED.scan(sb.toString()))
          .as("round %d: %s", round, sb)
          .anyMatch(h -> h.start() == start && h.ioc().value().equals(planted));
    }
  }
}
