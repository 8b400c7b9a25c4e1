package dev.bulwark.eval;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs the system {@code tar -xzf} on one tarball into a fresh folder under a temporary root, then
 * deletes the folder. Meant only for benign tarballs (tar extracts; nothing inside is ever run).
 * GNU tar refuses member names with "..", strips leading "/", and is told not to restore owners
 * or permissions. The time covers the process from start to exit, not the clean-up.
 */
public final class TarExtractor implements Extractor {
  private final Path tempRoot;
  private final Duration timeout;
  private final LongSupplier nanoTime;

  public TarExtractor(Path tempRoot, Duration timeout) {
    this(tempRoot, timeout, System::nanoTime);
  }

  TarExtractor(Path tempRoot, Duration timeout, LongSupplier nanoTime) {
    this.tempRoot = tempRoot;
    this.timeout = timeout;
    this.nanoTime = nanoTime;
  }

  @Override
  public long extractNanos(Path tarball) throws IOException {
    Path dir = Files.createTempDirectory(tempRoot, "bulwark-tar-");
    try {
      List<String> cmd =
          List.of("tar", "--no-same-owner", "--no-same-permissions", "-xzf",
              tarball.toAbsolutePath().toString(), "-C", dir.toString());
      long t0 = nanoTime.getAsLong();
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(tarball + ": tar did not finish within " + timeout);
      }
      long nanos = nanoTime.getAsLong() - t0;
      if (p.exitValue() != 0) {
        throw new IOException(tarball + ": tar exited with status " + p.exitValue());
      }
      return nanos;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(tarball + ": interrupted", e);
    } finally {
      deleteTree(dir);
    }
  }

  /** Deletes a folder tree without following links. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
            d.toFile().setWritable(true, true);
            d.toFile().setExecutable(true, true);
            d.toFile().setReadable(true, true);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
