package dev.bulwark.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar stream entry by entry. Links and devices are reported, never followed. */
final class TarReader {
  private final ReadContext ctx;
  private final ArchiveWalker walker;

  TarReader(ReadContext ctx, ArchiveWalker walker) {
    this.ctx = ctx;
    this.walker = walker;
  }

  /**
   * Reads entries until the end, a limit or corruption (which the caller records). Skipped and
   * oversized entries are skipped by the tar stream through {@code in}, so the meter sees them.
   */
  void read(InputStream in, Meter meter, String prefix, int depth) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry e;
    while (!ctx.stopped() && (e = tar.getNextEntry()) != null) {
      String raw = e.getName();
      meter.at(prefix + raw);
      ctx.countEntry(prefix + raw);
      if (e.isDirectory()) {
        continue;
      }
      Optional<String> path = walker.entryPath(prefix, raw);
      if (path.isEmpty() || reportedSpecial(e, path.get(), depth)) {
        continue;
      }
      if (ctx.has(path.get())) {
        ctx.duplicate(path.get());
        continue;
      }
      boolean exec = (e.getMode() & 0111) != 0;
      long max = ctx.limits().maxFileBytes();
      // A tar entry's size frames the stream, so a larger one need not be buffered at all. It is
      // drained here (metered, one reused buffer) rather than by the library's skip.
      Optional<byte[]> bytes = Optional.empty();
      if (e.getSize() > max) {
        EntryBytes.drain(tar);
      } else {
        bytes = EntryBytes.read(tar, max, true);
      }
      walker.keepOrSkip(path.get(), bytes, exec, depth);
    }
  }

  /**
   * Reports links, devices and other non-regular entries; true when the entry is done with. A link
   * inside an archive that the package itself ships (depth above 0, such as a time-zone database
   * whose zones are hard links to each other) is data that installing never unpacks: it is skipped
   * without a finding unless its target leaves that archive.
   */
  private boolean reportedSpecial(TarArchiveEntry e, String path, int depth) {
    String target = EntryName.display(e.getLinkName());
    boolean escapes = EntryName.of(e.getLinkName()).kind() == EntryName.Kind.TRAVERSAL;
    if ((e.isSymbolicLink() || e.isLink()) && depth > 0 && !escapes) {
      ctx.skip(path, (e.isLink() ? "hard" : "symbolic") + " link inside a shipped archive; not followed");
      return true;
    }
    if (e.isSymbolicLink()) {
      ctx.report(ReaderFindingRules.SYMLINK, path,
          "Symbolic link to '" + target + "'" + escapes(e.getLinkName()) + "; not followed.");
      ctx.skip(path, "symbolic link; not followed");
      return true;
    }
    if (e.isLink()) {
      ctx.report(ReaderFindingRules.HARDLINK, path,
          "Hard link to '" + target + "'" + escapes(e.getLinkName()) + "; not followed.");
      ctx.skip(path, "hard link; not followed");
      return true;
    }
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      ctx.report(ReaderFindingRules.SPECIAL_FILE, path,
          "The entry is a device or named pipe, not a file.");
      ctx.skip(path, "device or named pipe");
      return true;
    }
    if (!e.isFile()) {
      ctx.skip(path, "not a regular file (tar type '" + (char) e.getLinkFlag() + "')");
      return true;
    }
    return false;
  }

  private static String escapes(String target) {
    return EntryName.of(target).kind() == EntryName.Kind.TRAVERSAL
        ? ", which may point outside the package"
        : "";
  }
}
