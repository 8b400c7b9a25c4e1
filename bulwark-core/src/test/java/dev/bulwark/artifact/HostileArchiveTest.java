package dev.bulwark.artifact;

import static dev.bulwark.artifact.TestArchives.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bombs, truncation, huge files, many entries and deep nesting, all generated at run time. The
 * clock is frozen: every limit these tests expect is counted in work (bytes, entries, ratio,
 * depth), so the outcome cannot depend on how loaded the machine is.
 */
class HostileArchiveTest {
  private static final long GIB = 1L << 30;

  @TempDir Path tmp;

  private final ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults(),
      Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  private Artifact readOne(Path p) throws IOException {
    List<Artifact> all = reader.read(p, Optional.empty());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static List<String> rules(Artifact a) {
    return a.readerFindings().stream().map(f -> f.ruleId()).toList();
  }

  private static List<String> paths(Artifact a) {
    return a.files().stream().map(ArtifactFile::path).toList();
  }

  @Test
  void zipBombOfOneGibibyteOfZerosStopsAtTheRatioLimit() throws IOException {
    Path bomb = tmp.resolve("bomb.zip");
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(bomb)) {
      z.setLevel(Deflater.BEST_SPEED);
      putEntry(z, "package/first.js", "ok".getBytes(StandardCharsets.UTF_8));
      z.putArchiveEntry(new ZipArchiveEntry("package/zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1024; i++) {
        z.write(zeros);
      }
      z.closeArchiveEntry();
      putEntry(z, "package/after.js", "never read".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.size(bomb)).isLessThan(GIB / 100);

    long allocated = allocatedDuring(() -> readOne(bomb));
    Artifact a = readOne(bomb);

    assertThat(rules(a)).contains(ReaderFindingRules.BOMB);
    assertThat(a.readerFindings()).anySatisfy(f -> assertThat(f.threat()).isTrue());
    assertThat(paths(a)).containsExactly("package/first.js");
    assertThat(allocated).isLessThan(64L << 20);
  }

  @Test
  void gzipBombBuiltFromConcatenatedMembersStops() throws IOException {
    // A gzip file may hold several members; 64 copies of 16 MiB of zeros decompress to 1 GiB.
    byte[] member = TestArchives.gzip(new byte[16 << 20]);
    Path bomb = tmp.resolve("zeros.gz");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bomb))) {
      for (int i = 0; i < 64; i++) {
        out.write(member);
      }
    }
    Artifact a = readOne(bomb);
    assertThat(rules(a)).containsExactly(ReaderFindingRules.BOMB);
    assertThat(a.files()).isEmpty();
    assertThat(a.skipped()).isNotEmpty();
  }

  @Test
  void tgzBombKeepsTheFilesBeforeIt() throws IOException {
    byte[] small = TestArchives.tar(List.of(file("package/index.js", "ok")));
    byte[] head = Arrays.copyOf(small, small.length - 1024); // without the end-of-archive blocks
    byte[] bigHeader = TestArchives.tar(List.of(file("package/zeros", new byte[0])));
    // Patch a header for a 1 GiB entry: the size field is 11 octal digits at offset 124.
    byte[] hdr = Arrays.copyOf(bigHeader, 512);
    byte[] size = String.format("%011o", GIB).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, hdr, 124, 11);
    fixTarChecksum(hdr);
    byte[] zeros16 = TestArchives.gzip(new byte[16 << 20]);
    Path bomb = tmp.resolve("bomb.tgz");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bomb))) {
      out.write(TestArchives.gzip(concat(head, hdr)));
      for (int i = 0; i < 64; i++) {
        out.write(zeros16);
      }
      out.write(TestArchives.gzip(new byte[1024]));
    }
    Artifact a = readOne(bomb);
    assertThat(paths(a)).containsExactly("package/index.js");
    assertThat(rules(a)).contains(ReaderFindingRules.BOMB);
  }

  @Test
  void nestedZipsOfZerosStyle42() throws IOException {
    // 42.zip style: each level holds several copies of the level below; the innermost holds
    // 8 MiB of zeros. The ratio check stops it at the first innermost file.
    byte[] level = TestArchives.zip(List.of(file("zeros.bin", new byte[8 << 20])));
    for (int depth = 0; depth < 3; depth++) {
      List<TestArchives.Entry> copies = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        copies.add(file("l" + depth + "-" + i + ".zip", level));
      }
      level = TestArchives.zip(copies);
    }
    Path p = tmp.resolve("42.zip");
    Files.write(p, level);
    Artifact a = readOne(p);
    assertThat(rules(a)).contains(ReaderFindingRules.BOMB);
    assertThat(a.totalBytes()).isLessThan(8 << 20);
  }

  @Test
  void truncatedTgzReturnsTheFilesBeforeTheCut() throws IOException {
    Random r = new Random(42);
    List<TestArchives.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] data = new byte[20_000];
      r.nextBytes(data);
      entries.add(file(String.format("package/f%02d.bin", i), data));
    }
    byte[] tgz = TestArchives.gzip(TestArchives.tar(entries));
    Path p = tmp.resolve("cut.tgz");
    Files.write(p, Arrays.copyOf(tgz, tgz.length / 2));

    Artifact a = readOne(p);

    assertThat(a.files()).hasSizeBetween(5, 12);
    for (ArtifactFile f : a.files()) {
      int i = Integer.parseInt(f.path().substring(9, 11));
      assertThat(f.content()).isEqualTo(entries.get(i).data());
    }
    assertThat(rules(a)).containsExactly(ReaderFindingRules.CORRUPT);
    assertThat(a.errors()).singleElement()
        .satisfies(e -> assertThat(e.code()).isEqualTo("corrupt-archive"));
  }

  @Test
  void truncatedZipReturnsTheFilesBeforeTheCut() throws IOException {
    Random r = new Random(7);
    List<TestArchives.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] data = new byte[10_000];
      r.nextBytes(data);
      entries.add(file("pkg/f" + i + ".bin", data));
    }
    byte[] zip = TestArchives.zip(entries);
    Path p = tmp.resolve("cut.zip");
    Files.write(p, Arrays.copyOf(zip, zip.length / 2));
    Artifact a = readOne(p);
    assertThat(a.files()).hasSizeBetween(3, 6);
    assertThat(rules(a)).containsExactly(ReaderFindingRules.CORRUPT);
  }

  @Test
  void twoHundredMegabyteFileIsSkippedWithoutBeingHeld() throws IOException {
    Path p = tmp.resolve("big.tar");
    long size = 200L << 20;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      TestArchives.writeTar(out, List.of(
          file("package/a.js", "a"),
          new TestArchives.Entry(TestArchives.Type.FILE, "package/huge.bin", new byte[0], "")));
    }
    writeHugeTar(p, size);

    long allocated = allocatedDuring(() -> readOne(p));
    Artifact a = readOne(p);

    assertThat(paths(a)).containsExactly("package/a.js", "package/z.js");
    assertThat(rules(a)).containsExactly(ReaderFindingRules.OVERSIZED_FILE);
    assertThat(a.skipped()).anySatisfy(s -> assertThat(s.path()).isEqualTo("package/huge.bin"));
    assertThat(allocated).isLessThan(32L << 20);
  }

  @Test
  void hundredThousandTinyEntriesHitTheEntryLimit() throws IOException {
    Path p = tmp.resolve("many.zip");
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(buf)) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update('x');
      for (int i = 0; i < 100_000; i++) {
        // Stored entries: writing 100k deflated ones costs more than reading them.
        ZipArchiveEntry e = new ZipArchiveEntry("p/" + i);
        e.setMethod(ZipArchiveEntry.STORED);
        e.setSize(1);
        e.setCrc(crc.getValue());
        z.putArchiveEntry(e);
        z.write('x');
        z.closeArchiveEntry();
      }
    }
    Files.write(p, buf.toByteArray());
    Artifact a = readOne(p);
    assertThat(a.files()).hasSize(50_000);
    assertThat(rules(a)).containsExactly(ReaderFindingRules.TOO_MANY_ENTRIES);
  }

  @Test
  void deepNestingStopsAtTheLimitAndKeepsTheInnerArchiveAsAFile() throws IOException {
    byte[] level = TestArchives.zip(List.of(file("deep.js", "deep")));
    for (int i = 4; i >= 1; i--) {
      level = TestArchives.zip(List.of(file("l" + i + ".zip", level), file("at" + i + ".js", "x")));
    }
    Path p = tmp.resolve("nest.zip");
    Files.write(p, level);
    Artifact a = readOne(p);
    assertThat(paths(a)).containsExactly(
        "at1.js",
        "l1.zip!/at2.js",
        "l1.zip!/l2.zip!/at3.js",
        "l1.zip!/l2.zip!/l3.zip!/at4.js",
        "l1.zip!/l2.zip!/l3.zip!/l4.zip");
    assertThat(a.readerFindings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo(ReaderFindingRules.NESTING_TOO_DEEP);
      assertThat(f.location().file()).isEqualTo("l1.zip!/l2.zip!/l3.zip!/l4.zip");
    });
  }

  @Test
  void totalSizeLimitStopsReading() throws IOException {
    Random r = new Random(1);
    List<TestArchives.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] d = new byte[600_000];
      r.nextBytes(d);
      entries.add(file("p/" + i, d));
    }
    Path p = tmp.resolve("t.tgz");
    Files.write(p, TestArchives.gzip(TestArchives.tar(entries)));
    ArtifactReader small = new ArtifactReader(ReaderLimits.defaults().withMaxTotalBytes(1 << 20));
    Artifact a = small.read(p, Optional.empty()).get(0);
    assertThat(paths(a)).containsExactly("p/0");
    assertThat(rules(a)).containsExactly(ReaderFindingRules.TOO_LARGE);
  }

  private static void writeHugeTar(Path p, long size) throws IOException {
    // Rewrites the archive so that package/huge.bin has `size` pseudo-random bytes, streamed.
    byte[] prefix = Files.readAllBytes(p);
    int hugeHeader = 1024; // a.js header + one data block
    byte[] hdr = Arrays.copyOfRange(prefix, hugeHeader, hugeHeader + 512);
    byte[] sz = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(sz, 0, hdr, 124, 11);
    fixTarChecksum(hdr);
    byte[] tail = TestArchives.tar(List.of(file("package/z.js", "z")));
    Random r = new Random(3);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      out.write(prefix, 0, hugeHeader);
      out.write(hdr);
      byte[] chunk = new byte[1 << 16];
      for (long done = 0; done < size; done += chunk.length) {
        r.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, size - done));
      }
      out.write(tail);
    }
  }

  static void fixTarChecksum(byte[] hdr) {
    Arrays.fill(hdr, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += hdr[i] & 0xff;
    }
    byte[] c = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(c, 0, hdr, 148, 8);
  }

  private static void putEntry(ZipArchiveOutputStream z, String name, byte[] data)
      throws IOException {
    z.putArchiveEntry(new ZipArchiveEntry(name));
    z.write(data);
    z.closeArchiveEntry();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  interface IoAction {
    void run() throws IOException;
  }

  /** Bytes this thread allocated while running {@code action} (HotSpot's counter). */
  static long allocatedDuring(IoAction action) throws IOException {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(id);
    action.run();
    return mx.getThreadAllocatedBytes(id) - before;
  }
}
