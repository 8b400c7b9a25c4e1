package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs only coreutils commands (no package manager, no code under analysis). */
class ProcessCommandRunnerTest {
  @TempDir Path dir;

  @Test
  void returnsOutputOfASuccessfulCommand() {
    assertThat(new ProcessCommandRunner(dir).run(List.of("printf", "http://x.example.invalid/\\n"),
        Duration.ofSeconds(30))).contains("http://x.example.invalid/");
  }

  @Test
  void failuresTimeoutsMissingCommandsAndOverflowGiveNothing() {
    ProcessCommandRunner r = new ProcessCommandRunner(dir, 16);
    assertThat(r.run(List.of("false"), Duration.ofSeconds(30))).isEmpty();
    assertThat(r.run(List.of("sleep", "30"), Duration.ofMillis(200))).isEmpty();
    assertThat(r.run(List.of("no-such-command-for-bulwark"), Duration.ofSeconds(5))).isEmpty();
    assertThat(r.run(List.of("printf", "%0100d", "0"), Duration.ofSeconds(30))).isEmpty();
  }
}
