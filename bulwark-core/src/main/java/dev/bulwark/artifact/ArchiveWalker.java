package dev.bulwark.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Reads one archive (and the archives inside it, up to the nesting limit) into a {@link
 * ReadContext}. Every failure ends up in the context; nothing here throws for bad content.
 */
final class ArchiveWalker {
  /** xz dictionaries are allocated up front; refuse streams that ask for more than this. */
  private static final int XZ_MEMORY_LIMIT_KIB = 128 * 1024;

  private final ReadContext ctx;
  private final TarReader tar;
  private final ZipReader zip;

  ArchiveWalker(ReadContext ctx, Optional<char[]> password) {
    this.ctx = ctx;
    this.tar = new TarReader(ctx, this);
    this.zip = new ZipReader(ctx, this, password);
  }

  /** Reads a file given on the command line: an archive, or one loose file. */
  void readTop(Source src) throws IOException {
    byte[] head = new byte[Format.HEAD];
    int n;
    try (InputStream in = src.open()) {
      n = Format.readHead(in, head);
    }
    Format f = Format.sniff(head, n);
    if (f != Format.NONE) {
      readArchive(src, f, Format.zipEncrypted(head, n), "", 0);
      return;
    }
    Meter meter = new Meter(ctx, () -> Long.MAX_VALUE).at(src.name());
    try (InputStream in = new CountingInputStream(src.open(), meter)) {
      ctx.countEntry(src.name());
      keepOrSkip(src.name(), EntryBytes.read(in, ctx.limits().maxFileBytes(), false), false, 0);
    } catch (LimitExceeded e) {
      ctx.stop(e);
    }
  }

  /**
   * Reads an archive whose entries get {@code prefix}. Returns false when it could not even be
   * opened (then the caller keeps its bytes as a plain file).
   */
  boolean readArchive(Source src, Format f, boolean zipEncrypted, String prefix, int depth) {
    if (f == Format.ZIP) {
      return zip.read(src, zipEncrypted, prefix, depth);
    }
    String where = prefix.isEmpty() ? src.name() : prefix;
    try (InputStream raw = src.open()) {
      CountingInputStream compressed = new CountingInputStream(raw);
      InputStream plain;
      try {
        plain = f == Format.TAR ? compressed : decompressor(f, compressed);
      } catch (IOException | RuntimeException e) {
        ctx.corrupt(where, e);
        return false;
      }
      // An uncompressed tar has no ratio to check.
      Meter meter =
          new Meter(ctx, f == Format.TAR ? () -> Long.MAX_VALUE : compressed::count).at(where);
      readDecompressed(src, f, plain, meter, prefix, depth);
    } catch (IOException e) {
      // closing failed; what was read is kept
    }
    return true;
  }

  private void readDecompressed(
      Source src, Format f, InputStream plain, Meter meter, String prefix, int depth) {
    try {
      BufferedInputStream in =
          new BufferedInputStream(new CountingInputStream(plain, meter), 64 * 1024);
      in.mark(Format.HEAD);
      byte[] head = new byte[Format.HEAD];
      int n = Format.readHead(in, head);
      in.reset();
      if (f == Format.TAR || Format.sniff(head, n) == Format.TAR) {
        tar.read(in, meter, prefix, depth);
        return;
      }
      String name = prefix + innerName(src.name());
      meter.at(name);
      ctx.countEntry(name);
      keepOrSkip(name, EntryBytes.read(in, ctx.limits().maxFileBytes(), true), false, depth);
    } catch (IOException | RuntimeException e) {
      // Hostile input makes the archive libraries throw unchecked exceptions too.
      ctx.fail(meter.where(), e);
    }
  }

  /**
   * The normalised path of an entry, or empty when it must not be read (path traversal, reported
   * here) or names nothing.
   */
  Optional<String> entryPath(String prefix, String raw) {
    EntryName n = EntryName.of(raw);
    switch (n.kind()) {
      case TRAVERSAL -> {
        ctx.report(ReaderFindingRules.PATH_TRAVERSAL, prefix + raw,
            "This entry was not read because " + n.reason() + ".");
        ctx.skip(prefix + raw, "path escapes the package folder: " + n.reason());
        return Optional.empty();
      }
      case EMPTY -> {
        return Optional.empty();
      }
      case BACKSLASH -> ctx.report(ReaderFindingRules.BACKSLASH_PATH, prefix + raw,
          "The entry name uses backslashes; it was read as " + EntryName.display(n.path()) + ".");
      default -> {
        // a plain name
      }
    }
    return Optional.of(prefix + n.path());
  }

  /** Keeps a read entry (or expands it when it is an archive), or reports it as oversized. */
  void keepOrSkip(String path, Optional<byte[]> content, boolean exec, int depth) {
    if (content.isEmpty()) {
      long max = ctx.limits().maxFileBytes();
      ctx.report(ReaderFindingRules.OVERSIZED_FILE, path,
          "The file is larger than " + max + " bytes and was not analysed.");
      ctx.skip(path, "larger than the per-file limit of " + max + " bytes");
      return;
    }
    onFile(path, content.get(), exec, depth);
  }

  /** A regular file: archives inside are opened up to the nesting limit, the rest kept. */
  void onFile(String path, byte[] content, boolean exec, int depth) {
    Format f = Format.sniff(content, content.length);
    if (f == Format.NONE || ctx.has(path)) {
      ctx.keep(path, content, exec);
      return;
    }
    int max = ctx.limits().maxNestingDepth();
    if (depth + 1 > max) {
      ctx.keep(path, content, exec);
      ctx.report(ReaderFindingRules.NESTING_TOO_DEEP, path,
          "This archive is nested more than " + max + " levels deep and was not opened.");
      ctx.skip(path, "archive nested deeper than " + max + " levels; kept unopened");
      return;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean opened =
        readArchive(Source.of(name, content), f,
            Format.zipEncrypted(content, content.length), path + "!/", depth + 1);
    if (!opened) {
      ctx.keep(path, content, exec);
    }
  }

  private static InputStream decompressor(Format f, InputStream in) throws IOException {
    return switch (f) {
      case GZIP -> new GzipCompressorInputStream(in, true);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case XZ -> new XZCompressorInputStream(in, true, XZ_MEMORY_LIMIT_KIB);
      default -> throw new IllegalArgumentException("not a compressor: " + f);
    };
  }

  /** "x.js.gz" becomes "x.js", "x.tgz" becomes "x.tar". */
  static String innerName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String[] s : new String[][] {{".tgz", ".tar"}, {".tbz2", ".tar"}, {".tbz", ".tar"},
        {".txz", ".tar"}, {".gz", ""}, {".bz2", ""}, {".xz", ""}}) {
      if (lower.endsWith(s[0]) && lower.length() > s[0].length()) {
        return name.substring(0, name.length() - s[0].length()) + s[1];
      }
    }
    return name + ".decompressed";
  }
}
