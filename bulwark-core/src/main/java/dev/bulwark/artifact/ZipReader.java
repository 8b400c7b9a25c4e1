package dev.bulwark.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.LocalFileHeader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads zip archives. A zip with a small central directory is read by it ({@link
 * ZipCentralReader}), like installers do. Otherwise, and for truncated zips without a directory,
 * entries are streamed by their local headers (commons-compress; zip4j for encrypted zips), which
 * keeps memory bounded even for hostile directories with millions of records and yields the
 * entries before a cut. Streamed entries are read or drained through the meter, so skipped
 * entries are decompressed metered too.
 */
final class ZipReader {
  private final ReadContext ctx;
  private final ArchiveWalker walker;
  private final Optional<char[]> password;

  ZipReader(ReadContext ctx, ArchiveWalker walker, Optional<char[]> password) {
    this.ctx = ctx;
    this.walker = walker;
    this.password = password;
  }

  /**
   * Returns false when not even the first entry could be read, or when it is encrypted and there
   * is no password (a nested archive is then kept as a plain file).
   */
  boolean read(Source src, boolean encrypted, String prefix, int depth) {
    String where = prefix.isEmpty() ? src.name() : prefix;
    if (encrypted && password.isEmpty()) {
      ctx.report(ReaderFindingRules.ENCRYPTED, where,
          "The zip archive is encrypted and no password was given; it was not read.");
      ctx.error("encrypted", where, "The zip archive is encrypted and no password was given.");
      ctx.skip(where, "encrypted archive; no password given");
      return false;
    }
    if (!encrypted && readCentral(src, prefix, depth)) {
      return true;
    }
    boolean[] opened = {false};
    try (InputStream raw = src.open()) {
      CountingInputStream compressed = new CountingInputStream(raw);
      Meter meter = new Meter(ctx, compressed::count).at(where);
      try {
        if (encrypted) {
          readEncrypted(compressed, meter, prefix, depth, opened);
        } else {
          readPlain(compressed, meter, prefix, depth, opened);
        }
      } catch (IOException | RuntimeException e) {
        if (!opened[0] && LimitExceeded.in(e).isEmpty()) {
          failedToOpen(where, e);
          return false;
        }
        ctx.fail(meter.where(), e);
      }
    } catch (IOException e) {
      // closing failed; what was read is kept
    }
    return true;
  }

  /**
   * Reads by the central directory when it is small; false when it cannot be used (too big, zip64,
   * missing or unreadable), and then nothing was read.
   */
  private boolean readCentral(Source src, String prefix, int depth) {
    try (SeekableByteChannel ch = src.channel()) {
      if (!ZipCentralReader.usable(ch, ctx.limits().maxEntries())) {
        return false;
      }
      ch.position(0);
      ZipFile zf;
      try {
        zf = ZipFile.builder().setSeekableByteChannel(ch).get();
      } catch (IOException | RuntimeException e) {
        return false;
      }
      try (zf) {
        new ZipCentralReader(ctx, walker).read(zf, prefix, depth);
      } catch (IOException | RuntimeException e) {
        ctx.fail(prefix.isEmpty() ? src.name() : prefix, e);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void readPlain(InputStream in, Meter meter, String prefix, int depth, boolean[] opened)
      throws IOException {
    ZipArchiveInputStream zis =
        new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
    ZipArchiveEntry e;
    while (!ctx.stopped() && (e = zis.getNextEntry()) != null) {
      opened[0] = true;
      String name = rawName(e);
      InputStream data = new CountingInputStream(zis, meter.at(prefix + name));
      if (!zis.canReadEntryData(e)) {
        ctx.countEntry(prefix + name);
        unreadable(ctx, prefix + name, e.getGeneralPurposeBit().usesEncryption());
        continue;
      }
      boolean exec = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
          && (e.getUnixMode() & 0111) != 0;
      entry(prefix, name, e.isDirectory(), exec, data, depth);
    }
    opened[0] = true;
  }

  private void readEncrypted(InputStream in, Meter meter, String prefix, int depth,
      boolean[] opened) throws IOException {
    char[] pw = password.orElseThrow().clone();
    try {
      ZipInputStream zis = new ZipInputStream(in, pw);
      LocalFileHeader h;
      while (!ctx.stopped() && (h = zis.getNextEntry()) != null) {
        opened[0] = true;
        InputStream data = new CountingInputStream(zis, meter.at(prefix + h.getFileName()));
        entry(prefix, h.getFileName(), h.isDirectory(), false, data, depth);
      }
      opened[0] = true;
    } catch (ZipException e) {
      if (e.getType() != ZipException.Type.WRONG_PASSWORD) {
        throw e;
      }
      String where = meter.where();
      ctx.report(ReaderFindingRules.ENCRYPTED, where,
          "The password given does not open this encrypted zip; the rest was not read.");
      ctx.error("wrong-password", where, "Wrong password for the encrypted zip archive.");
      ctx.skip(where, "encrypted; wrong password");
      opened[0] = true;
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /** One entry of either kind of stream; {@code data} is metered and drained if not kept. */
  private void entry(String prefix, String raw, boolean dir, boolean exec, InputStream data,
      int depth) throws IOException {
    ctx.countEntry(prefix + raw);
    Optional<String> path = dir ? Optional.empty() : walker.entryPath(prefix, raw);
    if (path.isEmpty()) {
      EntryBytes.drain(data);
      return;
    }
    if (ctx.has(path.get())) {
      ctx.duplicate(path.get());
      EntryBytes.drain(data);
      return;
    }
    walker.keepOrSkip(
        path.get(), EntryBytes.read(data, ctx.limits().maxFileBytes(), true), exec, depth);
  }

  /**
   * The entry name as written. commons-compress silently turns '\\' into '/' in some names; the
   * reader wants to see (and report) backslashes itself.
   */
  static String rawName(ZipArchiveEntry e) {
    byte[] raw = e.getRawName();
    if (raw != null) {
      for (byte b : raw) {
        if (b == '\\') {
          return new String(raw, StandardCharsets.UTF_8);
        }
      }
    }
    return e.getName();
  }

  static void unreadable(ReadContext ctx, String path, boolean encrypted) {
    if (encrypted) {
      ctx.report(ReaderFindingRules.ENCRYPTED, path,
          "This zip entry is encrypted and could not be read.");
      ctx.skip(path, "encrypted entry");
    } else {
      ctx.skip(path, "unsupported zip compression method");
    }
  }

  private void failedToOpen(String where, Throwable e) {
    ctx.corrupt(where, e);
  }
}
