package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report written as bytes (what the CLI does for a report file; the JSON of an audit skips the
 * character encoder) is the UTF-8 of the report written as text, for every fixture and format.
 */
class ByteReportTest {
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String fixture : new TreeSet<>(ReportFixtures.all().keySet())) {
      for (ReportFormat f : ReportFormat.values()) {
        if (f.supports(ReportFixtures.all().get(fixture).get())) {
          out.add(Arguments.of(fixture, f));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void bytesAreTheTextInUtf8(String fixture, ReportFormat format) throws Exception {
    ReportData d = ReportFixtures.all().get(fixture).get();
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(text);
    format.render(d, w);
    w.flush();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.render(d, bytes);
    assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(text.toString());
    assertThat(bytes.size()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void safeKeepsPrintableAsciiAndRewritesTheRest(String in, int max, String expected) {
    assertThat(Style.safe(in, max)).isEqualTo(expected);
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("plain text", 200, "plain text"),
        Arguments.of("", 5, ""),
        Arguments.of("exactly5", 8, "exactly5"),
        Arguments.of("too long by far", 3, "too…"),
        Arguments.of("tab\there", 200, "tab here"),
        Arguments.of("esc\u001b[31m", 200, "esc\\u001b[31m"),
        Arguments.of("del\u007f", 200, "del\\u007f"),
        Arguments.of("caf\u00e9", 200, "caf\u00e9"),
        Arguments.of("bidi\u202eevil", 200, "bidi\\u202eevil"),
        Arguments.of(Ecosystem.NPM.osvName(), 200, "npm"));
  }
}
