package dev.bulwark.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only way the sweep touches the file system. Every path is checked to lie under one of the
 * allowed roots (after resolving the symbolic links of its parent folders), and the last path
 * element is never followed. Read-only: there is no method that writes. Counts what it visits,
 * skips what it cannot read, and stops handing out entries once the file or time budget is spent.
 */
final class SweepFs {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final List<Path> roots;
  private final Clock clock;
  private long deadlineMillis;
  private final int maxEntries;
  private final boolean record;
  private final List<Path> accessLog = new ArrayList<>();
  private final Set<Path> verifiedDirs = new HashSet<>();
  private int visited;
  private int unreadable;
  private int refused;
  private boolean exhausted;

  /**
   * @param roots the folders every access must stay under
   * @param record true to remember every path accessed (tests)
   */
  SweepFs(List<Path> roots, Clock clock, long budgetMillis, int maxEntries, boolean record) {
    List<Path> r = new ArrayList<>();
    for (Path p : roots) {
      r.add(real(p.toAbsolutePath().normalize()));
    }
    this.roots = List.copyOf(r);
    this.clock = clock;
    this.deadlineMillis = clock.millis() + budgetMillis;
    this.maxEntries = maxEntries;
    this.record = record;
  }

  /** The file attributes, without following a final symbolic link; empty if absent or outside. */
  Optional<BasicFileAttributes> attributes(Path p) {
    Optional<Path> ok = admit(p);
    if (ok.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAttributes(ok.get(), BasicFileAttributes.class, NOFOLLOW));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  boolean isDirectory(Path p) {
    return attributes(p).map(BasicFileAttributes::isDirectory).orElse(false);
  }

  boolean isFile(Path p) {
    return attributes(p).map(BasicFileAttributes::isRegularFile).orElse(false);
  }

  boolean exists(Path p) {
    return attributes(p).isPresent();
  }

  Optional<Instant> mtime(Path p) {
    return attributes(p).map(a -> a.lastModifiedTime().toInstant());
  }

  /** The entries of a folder, sorted by name; empty when not a folder, unreadable or outside. */
  List<Path> list(Path dir) {
    if (spent() || !isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path child : s) {
        if (++visited > maxEntries) {
          exhausted = true;
          break;
        }
        out.add(child);
      }
    } catch (IOException | SecurityException e) {
      unreadable++;
    }
    Collections.sort(out);
    return out;
  }

  /** The first {@code maxBytes} of a regular file; empty if it is not one or cannot be read. */
  Optional<byte[]> readBytes(Path p, int maxBytes) {
    Optional<BasicFileAttributes> a = attributes(p);
    if (a.isEmpty() || !a.get().isRegularFile()) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(p, NOFOLLOW)) {
      return Optional.of(in.readNBytes(maxBytes));
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      unreadable++;
      return Optional.empty();
    }
  }

  /** The last {@code maxBytes} of a regular file (all of it when smaller); empty as for reads. */
  Optional<byte[]> readTail(Path p, int maxBytes) {
    Optional<BasicFileAttributes> a = attributes(p);
    if (a.isEmpty() || !a.get().isRegularFile()) {
      return Optional.empty();
    }
    try (SeekableByteChannel ch = Files.newByteChannel(p, StandardOpenOption.READ,
        LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      int n = (int) Math.min(size, maxBytes);
      ch.position(size - n);
      ByteBuffer buf = ByteBuffer.allocate(n);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading until the buffer is full or the file ends
      }
      return Optional.of(java.util.Arrays.copyOf(buf.array(), buf.position()));
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      unreadable++;
      return Optional.empty();
    }
  }

  Optional<String> readText(Path p, int maxBytes) {
    return readBytes(p, maxBytes).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** The target of a symbolic link, read but never followed (used for /proc/PID/fd only). */
  Optional<String> readLink(Path p) {
    Optional<BasicFileAttributes> a = attributes(p);
    if (a.isEmpty() || !a.get().isSymbolicLink()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readSymbolicLink(p).toString());
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      unreadable++;
      return Optional.empty();
    }
  }

  /** The current time, from the sweep's clock. */
  Instant now() {
    return clock.instant();
  }

  /** Starts a new time budget for a later phase (the deep scan); the entry budget stays. */
  void restartClock(long budgetMillis) {
    if (!exhausted) {
      deadlineMillis = clock.millis() + budgetMillis;
    }
  }

  /** True once the entry or time budget is used up; later listings return nothing. */
  boolean spent() {
    if (!exhausted && clock.millis() > deadlineMillis) {
      exhausted = true;
    }
    return exhausted;
  }

  /** True when a path lies under an allowed root (lexically; symbolic links checked on access). */
  boolean allowed(Path p) {
    Path n = p.toAbsolutePath().normalize();
    return roots.stream().anyMatch(n::startsWith);
  }

  int visited() {
    return visited;
  }

  int unreadable() {
    return unreadable;
  }

  int refused() {
    return refused;
  }

  boolean exhausted() {
    return exhausted;
  }

  List<Path> roots() {
    return roots;
  }

  /** Every path accessed, in order, when recording is on. */
  List<Path> accessLog() {
    return List.copyOf(accessLog);
  }

  private Optional<Path> admit(Path p) {
    Path n = p.toAbsolutePath().normalize();
    Path parent = n.getParent();
    boolean ok = allowed(n) && (parent == null || roots.contains(n) || parentInside(parent));
    if (!ok) {
      refused++;
      return Optional.empty();
    }
    if (record) {
      accessLog.add(n);
    }
    return Optional.of(n);
  }

  /** The parent folder, with its links resolved, must still be under a root (cached per folder). */
  private boolean parentInside(Path parent) {
    if (verifiedDirs.contains(parent)) {
      return true;
    }
    Path r = real(parent);
    boolean inside = roots.stream().anyMatch(r::startsWith);
    if (inside) {
      verifiedDirs.add(parent);
    }
    return inside;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return p;
    }
  }
}
