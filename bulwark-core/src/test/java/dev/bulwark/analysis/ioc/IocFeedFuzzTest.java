package dev.bulwark.analysis.ioc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.model.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: the IOC feed parser (type,value,context lines, defanged values) and the matcher
 * built from what it reads, run over the same text. Seeds: IocFeedFuzzTestInputs/iocFeed/.
 * Properties: never throws; every problem names the file and a line; hits lie inside the text.
 */
class IocFeedFuzzTest {
  @FuzzTest
  void iocFeed(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<Ioc> iocs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try {
      IocParser.parse(new BufferedReader(new StringReader(text)), "fuzz.csv", iocs, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Problem p : problems) {
      if (!p.location().file().equals("fuzz.csv") || p.location().line() < 1) {
        throw new AssertionError("a problem without file and line: " + p);
      }
    }
    for (IocHit h : IocFeed.of(iocs).scan(text)) {
      if (h.end() > text.length()) {
        throw new AssertionError("a hit outside the text: " + h);
      }
    }
  }
}
