package dev.bulwark.analysis;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test data under {@code dev/bulwark/analysis/testdata/}. */
final class TestData {
  private TestData() {}

  static Path path(String relative) {
    URL url = TestData.class.getResource("testdata/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no test data " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
