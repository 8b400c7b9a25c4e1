package dev.bulwark.sweep;

import dev.bulwark.model.Ecosystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Packages downloaded through pip's HTTP cache ({@code http-v2/…/<hash>.body}). The file names
 * are hashes, but a body that is a wheel names its {@code name-version.dist-info} folder in the
 * zip's central directory (at the end of the file), and a body that is an sdist names its
 * {@code name-version/} folder in the first tar header (at the start). Only those two small
 * pieces are read; nothing is unpacked to disk.
 */
final class PipHttpCache {
  private static final int MAX_BODIES = 20_000;
  private static final int HEAD_BYTES = 64 * 1024;
  /** Wheels list their dist-info folder last, so the directory's last 64 KB name it. */
  private static final int TAIL_BYTES = 64 * 1024;
  /** Reading stops after this much, so a cache of many gigabytes stays a few seconds' work. */
  static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
  private static final int MAX_ENTRIES = 50_000;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL = 0x06054b50;

  private PipHttpCache() {}

  static void scan(SweepContext ctx, Consumer<PackageCheck.Found> out) {
    int[] bodies = {0};
    long[] read = {0};
    for (String cache : List.of(".cache/pip/http-v2", "Library/Caches/pip/http-v2",
        "AppData/Local/pip/Cache/http-v2")) {
      Walker.walk(ctx.fs, ctx.home.resolve(cache), 6, (p, a, depth) -> {
        if (a.isRegularFile() && Walker.name(p).endsWith(".body") && bodies[0]++ < MAX_BODIES) {
          if (read[0] > MAX_TOTAL_BYTES) {
            ctx.note("pip's HTTP cache is large; only part of it was read");
            return false;
          }
          read[0] += Math.min(a.size(), HEAD_BYTES + TAIL_BYTES);
          identify(ctx.fs, p).ifPresent(nv ->
              out.accept(new PackageCheck.Found(Ecosystem.PYPI, nv[0], nv[1], p)));
        }
        return true;
      });
    }
  }

  static Optional<String[]> identify(SweepFs fs, Path body) {
    Optional<byte[]> head = fs.readBytes(body, 4);
    if (head.isEmpty() || head.get().length < 4) {
      return Optional.empty();
    }
    byte[] h = head.get();
    if (h[0] == 0x1f && (h[1] & 0xff) == 0x8b) {
      return fs.readBytes(body, HEAD_BYTES).flatMap(PipHttpCache::sdist);
    }
    if (h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
      return fs.readTail(body, TAIL_BYTES).flatMap(PipHttpCache::wheel);
    }
    return Optional.empty();
  }

  /** The {@code name-version} folder of a gzipped tar's first entry. */
  static Optional<String[]> sdist(byte[] head) {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GZIPInputStream(new ByteArrayInputStream(head)))) {
      TarArchiveEntry e = tar.getNextEntry();
      if (e == null) {
        return Optional.empty();
      }
      String name = e.getName();
      int slash = name.indexOf('/');
      return splitNameVersion(slash > 0 ? name.substring(0, slash) : name, true);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code name-version.dist-info} folder named in a zip's central directory, read from the
   * last bytes of the file. Hand-written: a library zip reader needs the whole file, and only
   * the directory at its end is read here.
   */
  static Optional<String[]> wheel(byte[] tail) {
    ByteBuffer b = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = -1;
    for (int i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 65_535; i--) {
      if (b.getInt(i) == END_OF_CENTRAL) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return Optional.empty();
    }
    long cdSize = b.getInt(eocd + 12) & 0xffffffffL;
    int pos = cdSize > eocd ? firstCentralHeader(b, eocd) : (int) (eocd - cdSize);
    for (int n = 0; pos + 46 <= eocd && n < MAX_ENTRIES; n++) {
      if (b.getInt(pos) != CENTRAL_HEADER) {
        return Optional.empty();
      }
      int nameLen = b.getShort(pos + 28) & 0xffff;
      int extraLen = b.getShort(pos + 30) & 0xffff;
      int commentLen = b.getShort(pos + 32) & 0xffff;
      if (pos + 46 + nameLen > tail.length) {
        return Optional.empty();
      }
      String name = new String(tail, pos + 46, nameLen, StandardCharsets.UTF_8);
      int dist = name.indexOf(".dist-info/");
      if (dist > 0 && name.indexOf('/') == dist + 10) {
        return splitNameVersion(name.substring(0, dist), false);
      }
      pos += 46 + nameLen + extraLen + commentLen;
    }
    return Optional.empty();
  }

  /** When the directory starts before the bytes read, the first whole entry that was read. */
  private static int firstCentralHeader(ByteBuffer b, int end) {
    for (int i = 0; i + 4 <= end; i++) {
      if (b.getInt(i) == CENTRAL_HEADER) {
        return i;
      }
    }
    return end;
  }

  /** "python-dateutil-2.8.2" to name and version; wheels escape dashes in names as '_'. */
  static Optional<String[]> splitNameVersion(String stem, boolean lastDash) {
    int dash = lastDash ? stem.lastIndexOf('-') : stem.indexOf('-');
    if (dash <= 0 || dash == stem.length() - 1 || !Character.isDigit(stem.charAt(dash + 1))) {
      return Optional.empty();
    }
    return Optional.of(new String[] {stem.substring(0, dash), stem.substring(dash + 1)});
  }
}
