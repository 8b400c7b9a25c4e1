package dev.bulwark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.AdvisoryLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: processes are judged by their executable's real path ({@code /proc/PID/exe}) and
 * working directory, not by words of their command line; evidence is graded. Each case is a fake
 * {@code /proc} with one process (links are written, never followed).
 */
class SweepProcessTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
  private static final AdvisoryLookup NONE = d -> List.of();

  private static SweepReport sweep(Path home, Path root) {
    SweepOptions o = new SweepOptions(home, root, Optional.empty(), List.of(), 600_000, 1_000_000);
    return new Sweeper(NONE, CLOCK).sweep(o, true).report();
  }

  private static void process(Path root, String pid, String cmdline, String exe, String cwd)
      throws IOException {
    Path dir = root.resolve("proc").resolve(pid);
    Files.createDirectories(dir.resolve("fd"));
    Files.write(dir.resolve("cmdline"), cmdline.replace(' ', '\0').getBytes(StandardCharsets.UTF_8));
    if (!exe.isEmpty()) {
      Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
    }
    if (!cwd.isEmpty()) {
      Files.createSymbolicLink(dir.resolve("cwd"), Path.of(cwd));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      benign shell mentioning /tmp | bash -c cd /tmp/x && npm pack . && python3 -c import sys | /usr/bin/bash | /tmp/x | '' | ''
      python3 in a temp folder cwd | python3 -c import sys | /usr/bin/python3.12 | /tmp/x | '' | ''
      command line names /tmp node | node /tmp/x/server.js | /home/dev/.nvm/versions/node/v22/bin/node | /home/dev/proj | '' | ''
      upgraded system binary | /usr/sbin/sshd -D | /usr/sbin/sshd (deleted) | / | '' | ''
      unreadable exe | node /tmp/x/a.js | '' | '' | '' | ''
      binary running from /tmp | ./updater | /tmp/.x/updater | /tmp/.x | suspicious | is in a temp folder (/tmp/)
      binary from /dev/shm deleted | kworker | /dev/shm/k (deleted) | / | suspicious | was deleted after it started
      deleted executable | agent --quiet | /home/dev/bin/agent (deleted) | /home/dev | suspicious | /home/dev/bin/agent was deleted after it started
      binary in a hidden home folder | svc | /home/dev/.local-cache/svc | /home/dev | suspicious | hidden home folder .local-cache
      python working in a hidden folder | python3 main.py | /usr/bin/python3.12 | /home/dev/.sync | suspicious | runs in the hidden home folder /home/dev/.sync
      node working in ~/.n2 | node main.js | /usr/bin/node | /home/dev/.n2 | confirmed | .n2, a known malware location
      binary in ~/.n2 | pay | /home/dev/.n2/pay | /home/dev | confirmed | .n2, a known malware location
      """)
  void processesAreJudgedByWhatTheyAreNotByTheirWords(String name, String cmdline, String exe,
      String cwd, String grade, String why, @TempDir Path home, @TempDir Path root) throws IOException {
    process(root, "4321", cmdline, exe, cwd);
    SweepReport r = sweep(home, root);
    if (grade.isEmpty()) {
      assertThat(r.indicators()).as(name).isEmpty();
      assertThat(r.verdict()).isEqualTo("clean");
      return;
    }
    assertThat(r.indicators()).as(name).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo("odd-process");
      assertThat(i.grade().jsonName()).isEqualTo(grade);
      assertThat(i.detail()).contains(why).startsWith("pid 4321");
    });
    assertThat(r.verdict()).isEqualTo(grade.equals("confirmed") ? "compromised" : "suspicious");
    if (grade.equals("suspicious")) {
      assertThat(String.join("\n", r.remediation())).doesNotContain("Reinstall")
          .doesNotContain("Disconnect").contains("Check each suspicious item");
      assertThat(IndicatorText.action(r.indicators().get(0))).contains("/proc/PID/exe");
    }
  }

  @Test
  void anIocHitIsConfirmedAndAPortAloneIsSuspicious(@TempDir Path home, @TempDir Path root)
      throws IOException {
    // 216.250.251.187 is a published BeaverTail C2 address (in the embedded IOC feed); port 1244
    // alone is only a heuristic.
    FakeTree.write(root.resolve("proc/net/tcp"),
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:A1B2 BBFBFAD8:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1\n"
            + "   1: 0100007F:A1B3 0100007F:04DC 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0000000000000000 20 4 30 10 -1\n");
    SweepReport r = sweep(home, root);
    assertThat(r.indicators()).extracting(i -> i.kind() + "/" + i.grade().jsonName())
        .containsExactlyInAnyOrder("c2-connection/confirmed", "c2-port/suspicious");
    assertThat(r.verdict()).isEqualTo("compromised");
    assertThat(String.join("\n", r.remediation())).contains("Reinstall");
  }

  @Test
  void theSecretsListIsNeverEmptyWhenPromised(@TempDir Path home, @TempDir Path root)
      throws IOException {
    FakeTree.write(home.resolve(".npl"), "inert"); // a confirmed file trace, and no secret files
    SweepReport r = sweep(home, root);
    assertThat(r.compromised()).isTrue();
    assertThat(r.exposures()).isEmpty();
    String steps = String.join("\n", r.remediation());
    assertThat(steps).doesNotContain("rotate the secrets below")
        .contains("no secret files were found").contains("SSH keys");
  }
}
