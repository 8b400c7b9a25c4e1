package dev.bulwark.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a package archive or folder into memory, within {@link ReaderLimits}, without writing to
 * disk and without following links. Archives are recognised by their magic bytes: npm tarballs
 * (.tgz), .tar, .tar.gz, .tar.bz2, .tar.xz, wheels, eggs and zips, also password-protected zips
 * (ZipCrypto and AES) when a password is given. Archives inside archives are opened up to the
 * nesting limit and their files are named "inner.tgz!/package/index.js". A file that is no archive
 * is read as a one-file package.
 *
 * <p>Folders may yield several packages: every package below a {@code node_modules} folder is its
 * own package (recursively), and a {@code site-packages} folder is split into installed
 * distributions (see {@link SitePackagesReader}).
 *
 * <p>Hostile content never throws: limits that are hit, path traversal, links, bombs, duplicates,
 * corruption and wrong passwords become {@link Artifact#readerFindings() findings} (described by
 * {@link ReaderFindingRules}), {@link Artifact#skipped() skipped} entries or {@link
 * Artifact#errors() errors}, and everything read before the problem is kept. Files larger than
 * the per-file limit are not kept at all (no prefix), so analysis never mistakes a part for the
 * whole. Thread-safe: every call has its own state.
 */
public final class ArtifactReader {
  private final ReaderLimits limits;
  private final Clock clock;

  public ArtifactReader(ReaderLimits limits) {
    this(limits, Clock.systemUTC());
  }

  /** {@code clock} measures the time budget. */
  public ArtifactReader(ReaderLimits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reads an archive, a loose file or a folder.
   *
   * @param input the path; a symbolic link given here is followed (the user named it), links
   *     inside it never are
   * @param password for encrypted zips (the array is not modified or kept)
   * @return one artifact for a file; one or more for a folder, sorted by display name
   * @throws IOException only when {@code input} does not exist or cannot be opened at all
   */
  public List<Artifact> read(Path input, Optional<char[]> password) throws IOException {
    Objects.requireNonNull(password, "password");
    if (Files.isDirectory(input)) {
      List<Artifact> out = new java.util.ArrayList<>();
      for (LazyArtifact a : plan(input, password)) {
        out.add(a.read());
      }
      return out;
    }
    checkFile(input);
    ReadContext ctx = new ReadContext(limits, clock);
    new ArchiveWalker(ctx, password).readTop(Source.of(input));
    return List.of(ctx.toArtifact(input.toString()));
  }

  /**
   * Like {@link #read(Path, Optional)}, but only finds the packages: each is read when its {@link
   * LazyArtifact#read()} is called, so a caller that analyses them one by one (or a few in
   * parallel) never holds a whole {@code node_modules} or {@code site-packages} tree in memory.
   *
   * @throws IOException only when {@code input} does not exist or cannot be opened at all
   */
  public List<LazyArtifact> plan(Path input, Optional<char[]> password) throws IOException {
    Objects.requireNonNull(password, "password");
    if (Files.isDirectory(input)) {
      return new FolderReader(limits, clock, password).plan(input);
    }
    checkFile(input);
    return List.of(new LazyArtifact(input.toString(), () -> readFile(input, password)));
  }

  private static void checkFile(Path input) throws IOException {
    if (!Files.exists(input)) {
      throw new java.nio.file.NoSuchFileException(input.toString());
    }
    if (!Files.isRegularFile(input)) {
      throw new java.nio.file.FileSystemException(
          input.toString(), null, "not a regular file or folder");
    }
  }

  private Artifact readFile(Path input, Optional<char[]> password) {
    ReadContext ctx = new ReadContext(limits, clock);
    try {
      new ArchiveWalker(ctx, password).readTop(Source.of(input));
    } catch (IOException e) {
      ctx.fail(input.getFileName().toString(), e);
    }
    return ctx.toArtifact(input.toString());
  }

  /**
   * Reads archive bytes already in memory (such as a downloaded tarball).
   *
   * @param displayName the name used in output; its last path segment names a loose file
   */
  public Artifact read(String displayName, byte[] content, Optional<char[]> password) {
    Objects.requireNonNull(password, "password");
    ReadContext ctx = new ReadContext(limits, clock);
    String name = displayName.substring(displayName.lastIndexOf('/') + 1);
    try {
      Source src = Source.of(name.isEmpty() ? "package" : name, content);
      new ArchiveWalker(ctx, password).readTop(src);
    } catch (IOException e) {
      ctx.fail(name, e);
    }
    return ctx.toArtifact(displayName);
  }
}
