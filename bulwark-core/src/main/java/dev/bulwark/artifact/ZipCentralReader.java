package dev.bulwark.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Reads a zip by its central directory, as installers do (pip reads wheels this way), so that
 * entries hidden from sequential readers are still seen, and Unix modes (symbolic links, the
 * executable bit) are known. Used only when the central directory is small enough that holding
 * it cannot exhaust memory; otherwise {@link ZipReader} streams local headers.
 */
final class ZipCentralReader {
  private static final int EOCD_SIG = 0x06054b50;
  private static final int EOCD_LEN = 22;
  /** A central directory larger than this many bytes per allowed entry is not loaded at once. */
  private static final long CD_BYTES_PER_ENTRY = 128;
  private static final int MAX_LINK_TARGET = 4096;

  private final ReadContext ctx;
  private final ArchiveWalker walker;

  ZipCentralReader(ReadContext ctx, ArchiveWalker walker) {
    this.ctx = ctx;
    this.walker = walker;
  }

  /**
   * True when {@code ch} ends with a classic (not zip64) end-of-central-directory record whose
   * directory, and everything after it, is small. Hand-written because ZipFile loads the whole
   * directory before it tells anything about it.
   */
  static boolean usable(SeekableByteChannel ch, long maxEntries) throws IOException {
    long size = ch.size();
    int tail = (int) Math.min(size, EOCD_LEN + 0xffff);
    if (tail < EOCD_LEN) {
      return false;
    }
    ByteBuffer buf = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
    ch.position(size - tail);
    while (buf.hasRemaining() && ch.read(buf) >= 0) {
      // fill
    }
    for (int i = tail - EOCD_LEN; i >= 0; i--) {
      if (buf.getInt(i) == EOCD_SIG) {
        long cdOffset = buf.getInt(i + 16) & 0xffffffffL;
        return cdOffset != 0xffffffffL && cdOffset <= size
            && size - cdOffset <= maxEntries * CD_BYTES_PER_ENTRY;
      }
    }
    return false;
  }

  /** Reads every entry; a damaged entry is reported and the next one read. */
  void read(ZipFile zf, String prefix, int depth) throws IOException {
    for (ZipArchiveEntry e : Collections.list(zf.getEntriesInPhysicalOrder())) {
      if (ctx.stopped()) {
        return;
      }
      String raw = ZipReader.rawName(e);
      ctx.countEntry(prefix + raw);
      Optional<String> path = e.isDirectory() ? Optional.empty() : walker.entryPath(prefix, raw);
      if (path.isEmpty() || reportedSpecial(zf, e, path.get())) {
        continue;
      }
      if (ctx.has(path.get())) {
        ctx.duplicate(path.get());
        continue;
      }
      boolean exec = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
          && (e.getUnixMode() & 0111) != 0;
      try (InputStream data = zf.getInputStream(e);
          InputStream in = new CountingInputStream(data, meter(data, e, path.get()))) {
        walker.keepOrSkip(path.get(),
            EntryBytes.read(in, ctx.limits().maxFileBytes(), false), exec, depth);
      } catch (IOException | RuntimeException ex) {
        ctx.fail(path.get(), ex);
      }
    }
  }

  /**
   * The ratio is measured against compressed bytes actually consumed so far when the library
   * reports them, else against the directory's compressed size (ZipFile never reads beyond it).
   */
  private Meter meter(InputStream raw, ZipArchiveEntry e, String path) {
    LongSupplier compressed = raw instanceof InputStreamStatistics s
        ? s::getCompressedCount
        : () -> e.getCompressedSize();
    return new Meter(ctx, () -> Math.max(1, compressed.getAsLong())).at(path);
  }

  private boolean reportedSpecial(ZipFile zf, ZipArchiveEntry e, String path) throws IOException {
    if (e.isUnixSymlink()) {
      String target = "?";
      if (zf.canReadEntryData(e)) {
        try (InputStream in = zf.getInputStream(e)) {
          target = EntryName.display(new String(
              in.readNBytes(MAX_LINK_TARGET), StandardCharsets.UTF_8));
        }
      }
      ctx.report(ReaderFindingRules.SYMLINK, path,
          "Symbolic link to '" + target + "'; not followed.");
      ctx.skip(path, "symbolic link; not followed");
      return true;
    }
    if (!zf.canReadEntryData(e)) {
      ZipReader.unreadable(ctx, path, e.getGeneralPurposeBit().usesEncryption());
      return true;
    }
    return false;
  }
}
