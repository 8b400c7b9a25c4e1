package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard benchmark's synthetic registry is deterministic and has real shapes. */
class GuardBenchDataTest {
  private static List<String> entries(byte[] tgz) throws Exception {
    List<String> out = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        out.add(e.getName());
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void packagesAreReproducibleRealisticAndConsistentWithTheirPackuments(long seed) throws Exception {
    List<GuardBenchData.Pkg> a = GuardBenchData.generate(40, "http://127.0.0.1:1", seed);
    List<GuardBenchData.Pkg> b = GuardBenchData.generate(40, "http://127.0.0.1:1", seed);
    assertThat(a).hasSize(40);
    assertThat(a.stream().map(GuardBenchData.Pkg::name).distinct().count()).isEqualTo(40);
    for (int i = 0; i < a.size(); i++) {
      GuardBenchData.Pkg p = a.get(i);
      assertThat(p.tarball()).isEqualTo(b.get(i).tarball());
      assertThat(p.packument()).isEqualTo(b.get(i).packument());
      assertThat(p.integrity()).isEqualTo("sha512-" + Base64.getEncoder().encodeToString(
          GuardBenchData.digest("SHA-512", p.tarball())));
      List<String> files = entries(p.tarball());
      assertThat(files).hasSize(p.files()).contains("package/package.json", "package/README.md",
          "package/LICENSE", "package/lib/index.js");
      assertThat(files.size()).isGreaterThanOrEqualTo(5);
      JsonNode doc = new ObjectMapper().readTree(p.packument());
      assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo(p.version());
      JsonNode latest = doc.path("versions").path(p.version());
      assertThat(latest.path("dist").path("integrity").asText()).isEqualTo(p.integrity());
      assertThat(latest.path("dist").path("tarball").asText()).endsWith(p.tarballPath());
      assertThat(doc.path("time").has(p.version())).isTrue();
      assertThat(doc.path("versions").size()).isBetween(3, 30);
    }
    assertThat(GuardBench.lockfile(a, "http://127.0.0.1:1")).contains("node_modules/" + a.get(39).name());
  }
}
