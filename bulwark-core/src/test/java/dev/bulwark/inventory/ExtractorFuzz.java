package dev.bulwark.inventory;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The property every lockfile and manifest fuzz target checks: bytes go through the same strict
 * UTF-8 decoding as {@link LockfileInput#read}, then the extractor either returns an inventory or
 * throws an {@link ExtractionException} that names the file and a line; any other exception is a
 * bug that Jazzer reports. Includes and sibling files resolve inside an empty folder, so the
 * fuzzer never reads the machine's files.
 */
public final class ExtractorFuzz {
  /** Smaller than the real 64 MiB limit: fuzz inputs are small, and includes share the limit. */
  private static final long MAX_BYTES = 1L << 20;
  private static final Path EMPTY_DIR = emptyDir();

  private ExtractorFuzz() {}

  private static Path emptyDir() {
    try {
      Path d = Files.createTempDirectory("bulwark-fuzz-");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code extractor} on {@code data} as a file named {@code fileName}. */
  public static void check(LockfileExtractor extractor, String fileName, byte[] data) {
    if (!extractor.handles(fileName)) {
      throw new IllegalArgumentException(extractor.id() + " does not handle " + fileName);
    }
    String text;
    try {
      text = LockfileInput.decodeUtf8(data, fileName);
    } catch (ExtractionException e) {
      requireLocated(e, fileName);
      return;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    LockfileInput input = new LockfileInput(EMPTY_DIR.resolve(fileName), fileName, text, MAX_BYTES);
    Inventory inv;
    try {
      inv = extractor.extract(input);
    } catch (ExtractionException e) {
      requireLocated(e, fileName);
      return;
    }
    for (Dependency d : inv.dependencies()) {
      if (d.name().isEmpty() && d.version().isEmpty()) {
        throw new AssertionError("a dependency with neither name nor version: " + d);
      }
    }
    for (Problem p : inv.problems()) {
      if (p.location().file().isEmpty()) {
        throw new AssertionError("a problem without a file: " + p);
      }
    }
  }

  /** A domain error must say which file and where (line 0 = the whole file). */
  public static void requireLocated(ExtractionException e, String fileName) {
    if (e.file().isEmpty() || e.line() < 0 || e.getMessage() == null || e.getMessage().isBlank()) {
      throw new AssertionError("an extraction error without file, line or message: " + e.describe(), e);
    }
    if (!e.file().equals(fileName)) {
      throw new AssertionError("an extraction error names " + e.file() + ", not " + fileName, e);
    }
  }
}
