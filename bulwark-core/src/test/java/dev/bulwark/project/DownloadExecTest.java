package dev.bulwark.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DownloadExecTest {
  static Stream<String> cases() throws IOException, URISyntaxException {
    Path p = Path.of(DownloadExecTest.class.getResource("commands/download-exec.txt").toURI());
    return Files.readAllLines(p).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void table(String line) {
    String[] w = line.split("\t", 2);
    assertThat(ProjectChecks.DOWNLOAD_EXEC.matcher(w[1]).find()).as(w[1])
        .isEqualTo(w[0].equals("yes"));
  }
}
