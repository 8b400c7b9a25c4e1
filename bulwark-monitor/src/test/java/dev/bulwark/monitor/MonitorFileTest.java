package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The --config file: keys, caps, and errors with their line. */
class MonitorFileTest {
  @Test
  void readsFeedsRegistriesWorkersAndCaps() throws Exception {
    MonitorFile f = MonitorFile.parse("""
        npm-changes: http://127.0.0.1:5984/registry
        npm-registry: config
        pypi-changes: http://127.0.0.1:8080/pypi
        pypi-rss: http://127.0.0.1:8080/rss/updates.xml
        workers: 2
        batch: 50
        max-artifact-mb: 64
        download-timeout-seconds: 30
        max-attempts: 5
        """, "monitor.yml");
    assertThat(f.get("npm-registry")).contains("config");
    assertThat(f.number("workers")).contains(2);
    assertThat(f.get("kafka")).isEmpty();
    MonitorConfig c = f.applyCaps(MonitorConfig.of(Path.of("s"), Optional.empty(),
        Optional.empty()));
    assertThat(c.maxArtifactBytes()).isEqualTo(64L << 20);
    assertThat(c.downloadTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.maxAttempts()).isEqualTo(5);
    assertThat(c.batch()).isEqualTo(50);
  }

  @Test
  void emptyFileChangesNothing() throws Exception {
    MonitorConfig d = MonitorConfig.of(Path.of("s"), Optional.empty(), Optional.empty());
    assertThat(MonitorFile.parse("", "m.yml").applyCaps(d)).isEqualTo(d);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "workers: 1\\nnpm-change: x|2|unknown key 'npm-change'",
    "workers: 0|1|workers must be a whole number from 1 to 64",
    "max-artifact-mb: lots|1|max-artifact-mb must be",
    "workers: 1\\nworkers: 2|2|duplicate key",
    "- a\\n- b|1|expected a mapping",
    "feeds:\\n  npm: x|1|unknown key 'feeds'",
    "a: &x [1]\\nb: *x|1|unknown key 'a'",
  })
  void errorsNameTheLine(String yaml, int line, String message) {
    assertThatThrownBy(() -> MonitorFile.parse(yaml.replace("\\n", "\n"), "m.yml"))
        .isInstanceOf(MonitorFileException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((MonitorFileException) e).line()).isEqualTo(line));
  }
}
