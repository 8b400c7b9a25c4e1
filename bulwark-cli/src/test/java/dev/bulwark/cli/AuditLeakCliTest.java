package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a project whose committed .npmrc holds a literal token (beside a real npm lockfile)
 * is audited to the end; the token is a finding (exit 1, where it is, revoke it), not exit 3.
 */
class AuditLeakCliTest {
  static final Path REAL = CliHarness.ROOT.resolve(
      "bulwark-core/src/test/resources/dev/bulwark/inventory/npm/testdata/real");

  @Test
  void aCommittedTokenIsAFindingAndTheAuditGoesOn(@TempDir Path cache, @TempDir Path project)
      throws Exception {
    try (Stream<Path> s = Files.list(REAL.resolve("npm3-npmrc-token"))) {
      for (Path f : s.toList()) {
        Files.copy(f, project.resolve(f.getFileName().toString()));
      }
    }
    CliHarness.Run r = CliHarness.run(cache, "audit", "--format", "json", project.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("leaked-credential").contains(".npmrc").contains("Revoke it")
        .contains("\"chalk\"").doesNotContain("FAKECOMMITTEDTOKEN");
  }
}
