package dev.bulwark.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads unpacked packages from a folder. The folder itself is one package; every {@code
 * node_modules/<name>} and {@code node_modules/@scope/<name>} folder below it is another (also in
 * nested node_modules), and its files do not belong to the enclosing package. A folder named
 * node_modules yields only the packages inside it. Links are reported as skipped, never followed:
 * node_modules trees made by pnpm or npm link consist of links, so a link is not a finding here.
 */
final class FolderReader {
  /** Deeper node_modules chains than this are not descended into. */
  private static final int MAX_NODE_MODULES_DEPTH = 64;

  private final ReaderLimits limits;
  private final Clock clock;
  private final Optional<char[]> password;

  FolderReader(ReaderLimits limits, Clock clock, Optional<char[]> password) {
    this.limits = limits;
    this.clock = clock;
    this.password = password;
  }

  /**
   * The packages of the folder, each read on demand: the tree is planned from the folder
   * structure alone (file names, no content), so a large node_modules is never in memory whole.
   */
  List<LazyArtifact> plan(Path root) throws IOException {
    if (SitePackagesReader.looksLike(root)) {
      return new SitePackagesReader(limits, clock, password).plan(root);
    }
    List<LazyArtifact> out = new ArrayList<>();
    // The folder named by the user may itself be a link; links inside it are never followed.
    planTree(root.toRealPath(), root.toString(), 0, out);
    out.sort(Comparator.comparing(LazyArtifact::displayName));
    return out;
  }

  private void planTree(Path dir, String display, int depth, List<LazyArtifact> out) {
    List<Path> nodeModules = new ArrayList<>();
    boolean isNodeModules = dir.getFileName() != null
        && dir.getFileName().toString().equals("node_modules");
    boolean hasEntries = false;
    if (isNodeModules) {
      nodeModules.add(dir);
    } else {
      hasEntries = scout(dir, nodeModules);
    }
    ReadContext probe = new ReadContext(limits, clock);
    List<Path> packages = new ArrayList<>();
    for (Path nm : nodeModules) {
      packages.addAll(packagesIn(nm, dir, probe));
    }
    if (!isNodeModules && (hasEntries || !probe.isEmpty() || packages.isEmpty())) {
      out.add(new LazyArtifact(display, () -> readOne(dir, display)));
    }
    for (Path p : packages) {
      String childDisplay = display + "/" + relative(dir, p);
      if (depth >= MAX_NODE_MODULES_DEPTH) {
        continue;
      }
      planTree(p, childDisplay, depth + 1, out);
    }
  }

  /** Reads one package folder: its files, without the packages in its node_modules folders. */
  private Artifact readOne(Path dir, String display) {
    ReadContext ctx = new ReadContext(limits, clock);
    List<Path> nodeModules = new ArrayList<>();
    walk(dir, ctx, nodeModules);
    for (Path nm : nodeModules) {
      packagesIn(nm, dir, ctx); // records the linked packages it skips
    }
    return ctx.toArtifact(display);
  }

  /**
   * Finds the node_modules folders of one package without reading any file; true when the package
   * has entries of its own. Stops after as many entries as the reader would count.
   */
  private boolean scout(Path dir, List<Path> nodeModules) {
    int[] entries = {0};
    int[] files = {0};
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
          if (d.equals(dir)) {
            return FileVisitResult.CONTINUE;
          }
          if (d.getFileName().toString().equals("node_modules")) {
            nodeModules.add(d);
            return FileVisitResult.SKIP_SUBTREE;
          }
          return ++entries[0] > limits.maxEntries() ? FileVisitResult.TERMINATE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          files[0]++;
          return ++entries[0] > limits.maxEntries() ? FileVisitResult.TERMINATE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          files[0]++;
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return true; // reading the package will report the folder as unreadable
    }
    return files[0] > 0;
  }

  /** Walks one package's files, skipping (and collecting) node_modules folders. */
  private void walk(Path dir, ReadContext ctx, List<Path> nodeModules) {
    ArchiveWalker walker = new ArchiveWalker(ctx, password);
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
          if (d.equals(dir)) {
            return FileVisitResult.CONTINUE;
          }
          if (d.getFileName().toString().equals("node_modules")) {
            nodeModules.add(d);
            return FileVisitResult.SKIP_SUBTREE;
          }
          return counted(ctx, relative(dir, d)) ? FileVisitResult.CONTINUE
              : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          return intake(ctx, walker, f, relative(dir, f), a) ? FileVisitResult.CONTINUE
              : FileVisitResult.TERMINATE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          ctx.error("unreadable", relative(dir, f), "Could not read: " + e.getMessage());
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      ctx.error("unreadable", dir.toString(), "Could not read the folder: " + e.getMessage());
    }
  }

  private static boolean counted(ReadContext ctx, String rel) {
    try {
      ctx.countEntry(rel);
      return true;
    } catch (LimitExceeded e) {
      ctx.stop(e);
      return false;
    }
  }

  /**
   * Reads one folder entry into {@code ctx}; returns false once a package-wide limit stops
   * reading. Shared with {@link SitePackagesReader}.
   */
  static boolean intake(ReadContext ctx, ArchiveWalker walker, Path f, String rel,
      BasicFileAttributes a) {
    if (!counted(ctx, rel)) {
      return false;
    }
    Optional<String> path = walker.entryPath("", rel);
    if (path.isEmpty()) {
      return true;
    }
    if (a.isSymbolicLink()) {
      ctx.skip(path.get(), "symbolic link to '" + linkTarget(f) + "'; not followed");
      return true;
    }
    if (!a.isRegularFile()) {
      ctx.skip(path.get(), "not a regular file");
      return true;
    }
    if (a.size() > ctx.limits().maxFileBytes()) {
      walker.keepOrSkip(path.get(), Optional.empty(), false, 0);
      return true;
    }
    Meter meter = new Meter(ctx, () -> Long.MAX_VALUE).at(path.get());
    try (InputStream in = new CountingInputStream(
        Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS), meter)) {
      Optional<byte[]> bytes = EntryBytes.read(in, ctx.limits().maxFileBytes(), false);
      walker.keepOrSkip(path.get(), bytes, executable(f), 0);
    } catch (LimitExceeded e) {
      ctx.stop(e);
      return false;
    } catch (IOException e) {
      ctx.error("unreadable", path.get(), "Could not read: " + e.getMessage());
    }
    return !ctx.stopped();
  }

  private static String linkTarget(Path f) {
    try {
      return EntryName.display(Files.readSymbolicLink(f).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }

  private static boolean executable(Path f) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
      return p.contains(PosixFilePermission.OWNER_EXECUTE)
          || p.contains(PosixFilePermission.GROUP_EXECUTE)
          || p.contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The packages directly in a node_modules folder (scoped ones one level down). */
  private List<Path> packagesIn(Path nodeModules, Path base, ReadContext ctx) {
    List<Path> out = new ArrayList<>();
    for (Path c : children(nodeModules, ctx)) {
      String name = c.getFileName().toString();
      if (name.startsWith(".") || !isRealDir(c, base, ctx)) {
        continue;
      }
      if (name.startsWith("@")) {
        for (Path s : children(c, ctx)) {
          if (isRealDir(s, base, ctx)) {
            out.add(s);
          }
        }
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean isRealDir(Path p, Path base, ReadContext ctx) {
    if (Files.isSymbolicLink(p)) {
      ctx.skip(relative(base, p), "symbolic link to '" + linkTarget(p) + "'; not followed");
      return false;
    }
    return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  private List<Path> children(Path dir, ReadContext ctx) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.limit(limits.maxEntries()).sorted().toList();
    } catch (IOException e) {
      ctx.error("unreadable", dir.toString(), "Could not list the folder: " + e.getMessage());
      return List.of();
    }
  }

  /** '/'-separated path of {@code p} below {@code base}. */
  static String relative(Path base, Path p) {
    List<String> parts = new ArrayList<>();
    for (Path seg : base.relativize(p)) {
      parts.add(seg.toString());
    }
    return String.join("/", parts);
  }
}
