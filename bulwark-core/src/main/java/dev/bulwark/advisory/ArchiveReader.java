package dev.bulwark.advisory;

import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads the {@code *.json} entries of an OSV archive ({@code all.zip} as OSV publishes it, one
 * record per entry) or of a folder, one entry at a time, so memory stays bounded by the largest
 * record. Entries over the size limit are reported and skipped; a broken archive is an error.
 */
final class ArchiveReader {
  /** Largest record read; real records are a few kilobytes. */
  static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

  private static final int MAX_ENTRIES = 5_000_000;
  private static final int MAX_DIR_DEPTH = 8;

  /** Receives each record's bytes. */
  interface EntryHandler {
    void entry(String name, byte[] json) throws AdvisoryException;
  }

  private final String display;
  private final List<Problem> problems;

  /**
   * @param display how the source is named in problems ("PyPI-pysec.zip")
   * @param problems where skipped entries are reported
   */
  ArchiveReader(String display, List<Problem> problems) {
    this.display = display;
    this.problems = problems;
  }

  /** Reads a zip file through its central directory, which also detects truncated downloads. */
  void readZipFile(Path zip, EntryHandler handler) throws AdvisoryException {
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      int count = 0;
      for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new AdvisoryException(display + ": more than " + MAX_ENTRIES + " entries");
        }
        if (isRecord(e)) {
          try (InputStream in = zf.getInputStream(e)) {
            readEntry(e.getName(), in, handler);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new AdvisoryException(display + ": not a readable zip archive: " + e.getMessage(), e);
    }
  }

  /** Reads a zip archive from a stream (used for the archives embedded as resources). */
  void readZipStream(InputStream stream, EntryHandler handler) throws AdvisoryException {
    try (ZipInputStream zin = new ZipInputStream(stream)) {
      int count = 0;
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        if (++count > MAX_ENTRIES) {
          throw new AdvisoryException(display + ": more than " + MAX_ENTRIES + " entries");
        }
        if (isRecord(e)) {
          readEntry(e.getName(), zin, handler);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new AdvisoryException(display + ": not a readable zip archive: " + e.getMessage(), e);
    }
  }

  /** Reads every {@code *.json} file under a folder, in path order. */
  void readDirectory(Path dir, EntryHandler handler) throws AdvisoryException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir, MAX_DIR_DEPTH)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .limit(MAX_ENTRIES)
          .forEach(files::add);
    } catch (IOException | RuntimeException e) {
      throw new AdvisoryException(display + ": cannot list folder: " + e.getMessage(), e);
    }
    for (Path f : files) {
      String name = dir.relativize(f).toString();
      try (InputStream in = Files.newInputStream(f)) {
        readEntry(name, in, handler);
      } catch (IOException e) {
        problems.add(problem("read-error", name, "cannot read: " + e.getMessage()));
      }
    }
  }

  private static boolean isRecord(ZipEntry e) {
    return !e.isDirectory() && e.getName().endsWith(".json");
  }

  private void readEntry(String name, InputStream in, EntryHandler handler)
      throws IOException, AdvisoryException {
    byte[] bytes = readBounded(in);
    if (bytes.length > MAX_ENTRY_BYTES) {
      problems.add(problem("too-large", name, "record over " + MAX_ENTRY_BYTES + " bytes skipped"));
      return;
    }
    handler.entry(name, bytes);
  }

  /** Reads at most one byte more than the limit, so an oversize entry is seen without reading it all. */
  private static byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      int keep = (int) Math.min(n, MAX_ENTRY_BYTES + 1L - total);
      out.write(buf, 0, keep);
      total += keep;
      if (total > MAX_ENTRY_BYTES) {
        break;
      }
    }
    return out.toByteArray();
  }

  Problem problem(String code, String entry, String message) {
    return new Problem(code, message, SourceLocation.of(display + "!/" + entry));
  }
}
