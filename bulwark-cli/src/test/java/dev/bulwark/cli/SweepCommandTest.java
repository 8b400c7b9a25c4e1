package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @Test
  void exitCodesAndFormats(@TempDir Path cache, @TempDir Path home, @TempDir Path root)
      throws Exception {
    String db = cache.resolve("adv.db").toString();
    CliHarness.Run clean = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db);
    assertThat(clean.exit()).isZero();
    assertThat(clean.out()).startsWith("NO KNOWN INDICATORS");

    Files.writeString(home.resolve(".npl"), "inert");
    Files.writeString(home.resolve(".npmrc"), "//127.0.0.1/:_authToken=npm_CLITESTSECRET\n");
    CliHarness.Run dirty = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db, "--format", "json");
    assertThat(dirty.exit()).isEqualTo(1);
    assertThat(dirty.out()).contains("\"verdict\" : \"compromised\"").contains(".npmrc")
        .doesNotContain("npm_CLITESTSECRET");

    CliHarness.Run later = CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        root.toString(), "--db", db, "--since", "2999-01-01");
    assertThat(later.exit()).isZero();
  }

  @Test
  void usageErrors(@TempDir Path cache, @TempDir Path home) {
    assertThat(CliHarness.run(cache, "sweep", "--home", home.resolve("missing").toString()).exit())
        .isEqualTo(2);
    assertThat(CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        home.toString(), "--since", "yesterday").exit()).isEqualTo(2);
    assertThat(CliHarness.run(cache, "sweep", "--home", home.toString(), "--root",
        home.toString(), "--format", "sarif").exit()).isEqualTo(2);
  }
}
