package dev.bulwark.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** Zips are read by their central directory when it is small, as installers read them. */
class ZipCentralDirectoryTest {
  private final ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());

  private static byte[] zip(ZipArchiveEntry... entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
      for (ZipArchiveEntry e : entries) {
        z.putArchiveEntry(e);
        z.write(e.getComment().getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  /** An entry whose content is carried in its comment, to keep the builder short. */
  private static ZipArchiveEntry entry(String name, int unixMode, String content) {
    ZipArchiveEntry e = new ZipArchiveEntry(name);
    if (unixMode != 0) {
      e.setUnixMode(unixMode);
    }
    e.setComment(content);
    return e;
  }

  @Test
  void symbolicLinksAndExecutableBitsComeFromTheDirectory() throws IOException {
    byte[] z = zip(
        entry("pkg/run.sh", 0100755, "#!/bin/sh\n"),
        entry("pkg/key", 0120777, "../../.ssh/id_rsa"));
    Artifact a = reader.read("x.zip", z, Optional.empty());
    assertThat(a.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("pkg/run.sh");
      assertThat(f.executable()).isTrue();
    });
    assertThat(a.readerFindings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo(ReaderFindingRules.SYMLINK);
      assertThat(f.message()).contains("../../.ssh/id_rsa");
    });
  }

  @Test
  void theDirectoryNameWinsOverTheLocalHeaderName() throws IOException {
    // The installer writes the name from the central directory; a scanner that trusts local
    // headers would see a harmless name instead.
    byte[] z = zip(entry("pkg/aaaa.js", 0, "payload()"));
    byte[] name = "pkg/aaaa.js".getBytes(StandardCharsets.US_ASCII);
    int last = lastIndexOf(z, name);
    System.arraycopy("pkg/evil.js".getBytes(StandardCharsets.US_ASCII), 0, z, last, name.length);
    Artifact a = reader.read("x.zip", z, Optional.empty());
    assertThat(a.files()).extracting(ArtifactFile::path).containsExactly("pkg/evil.js");
  }

  private static int lastIndexOf(byte[] hay, byte[] needle) {
    for (int i = hay.length - needle.length; i >= 0; i--) {
      if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
