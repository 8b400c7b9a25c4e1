package dev.bulwark.inventory;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds lockfiles and manifests under the given paths and extracts them. It skips
 * {@code node_modules}, {@code .git} and virtual environments, never follows links, and turns a
 * file that cannot be read into a {@link Problem} so that the other files are still audited.
 */
public final class InventoryScanner {
  /** Directories never descended into. */
  private static final Set<String> SKIP_DIRS =
      Set.of("node_modules", ".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".venv", "venv",
          ".mypy_cache", ".pytest_cache", "site-packages", "bower_components", ".yarn", ".pnpm-store",
          "target", ".gradle");

  private final List<LockfileExtractor> extractors;
  private final boolean recursive;
  private final long maxFileBytes;
  private final int maxFiles;

  /**
   * @param extractors the formats to read
   * @param recursive whether to descend into sub-directories of a directory argument
   * @param maxFileBytes size limit per file
   * @param maxFiles how many lockfiles at most (beyond that, a problem is reported)
   */
  public InventoryScanner(
      List<LockfileExtractor> extractors, boolean recursive, long maxFileBytes, int maxFiles) {
    this.extractors = List.copyOf(extractors);
    this.recursive = recursive;
    this.maxFileBytes = maxFileBytes;
    this.maxFiles = maxFiles;
  }

  /** The result of one scan: inventories sorted by file, and the problems met. */
  public record Result(List<Inventory> inventories, List<Problem> problems) {
    public Result {
      inventories = List.copyOf(inventories);
      problems = List.copyOf(problems);
    }
  }

  /** Scans one path: a lockfile or a directory. Display paths are relative to {@code root}. */
  public Result scan(Path target) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Path root = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? target : target.getParent();
    if (root == null) {
      root = Path.of(".");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      problems.add(new Problem("not-found", "no such file or directory", loc(target.toString())));
      return new Result(List.of(), problems);
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      collect(target, files, problems);
    } else if (extractorFor(target.getFileName().toString()).isPresent()) {
      files.add(target);
    } else {
      problems.add(new Problem("unsupported", "not a lockfile or manifest that Bulwark reads",
          loc(target.getFileName().toString())));
    }
    return extractAll(root, files, problems);
  }

  private Result extractAll(Path root, List<Path> files, List<Problem> problems) {
    // Group by directory: a manifest is read only when no lockfile of its ecosystem sits beside it.
    Map<Path, List<Path>> byDir = new TreeMap<>();
    for (Path f : files) {
      byDir.computeIfAbsent(f.toAbsolutePath().getParent(), k -> new ArrayList<>()).add(f);
    }
    List<Inventory> out = new ArrayList<>();
    int count = 0;
    for (List<Path> dirFiles : byDir.values()) {
      Set<Ecosystem> locked = EnumSet.noneOf(Ecosystem.class);
      for (Path f : dirFiles) {
        extractorFor(f.getFileName().toString())
            .filter(e -> !e.isManifest() && !isConfigOnly(e))
            .ifPresent(e -> locked.add(e.ecosystem()));
      }
      dirFiles.sort(Comparator.comparing(Path::toString));
      for (Path f : dirFiles) {
        LockfileExtractor ex = extractorFor(f.getFileName().toString())
            .or(() -> inRequirementsFolder(f) ? extractorFor("requirements.txt") : Optional.empty())
            .orElseThrow();
        if (ex.isManifest() && locked.contains(ex.ecosystem())) {
          continue;
        }
        if (++count > maxFiles) {
          problems.add(new Problem("too-many-files",
              "more than " + maxFiles + " lockfiles; the rest were not read", loc(display(root, f))));
          return new Result(out, problems);
        }
        String display = display(root, f);
        try {
          out.add(ex.extract(LockfileInput.read(f, display, maxFileBytes)));
        } catch (ExtractionException e) {
          problems.add(new Problem("unreadable", e.getMessage(), e.location()));
        } catch (RuntimeException e) {
          // A bug or an unexpected shape in one extractor must not stop the others.
          problems.add(new Problem("extractor-error",
              ex.id() + " failed: " + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage()), loc(display)));
        }
      }
    }
    out.sort(Comparator.comparing(Inventory::file).thenComparing(Inventory::format));
    problems.sort(null);
    return new Result(out, problems);
  }

  private static boolean isConfigOnly(LockfileExtractor e) {
    return e.id().endsWith("/npmrc") || e.id().endsWith("/pip-conf");
  }

  private void collect(Path dir, List<Path> files, List<Problem> problems) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          if (!d.equals(dir)) {
            String name = d.getFileName().toString();
            if (!recursive || SKIP_DIRS.contains(name) || isVirtualenv(d)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && (extractorFor(f.getFileName().toString()).isPresent()
              || inRequirementsFolder(f))) {
            files.add(f);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          problems.add(new Problem("unreadable", "cannot read: " + e.getMessage(),
              loc(display(dir, f))));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new Problem("unreadable", "cannot walk: " + e.getMessage(), loc(dir.toString())));
    }
  }

  /** requirements/base.txt, requirements/dev.txt: pip's common layout. */
  private static boolean inRequirementsFolder(Path f) {
    Path parent = f.getParent();
    return parent != null && parent.getFileName() != null
        && parent.getFileName().toString().equals("requirements")
        && f.getFileName().toString().endsWith(".txt");
  }

  private static boolean isVirtualenv(Path d) {
    return Files.isRegularFile(d.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS);
  }

  Optional<LockfileExtractor> extractorFor(String fileName) {
    for (LockfileExtractor e : extractors) {
      if (e.handles(fileName)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String display(Path root, Path f) {
    Path abs = f.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    String s = abs.startsWith(r) ? r.relativize(abs).toString() : f.toString();
    s = s.replace('\\', '/');
    return s.isEmpty() ? f.getFileName().toString() : s;
  }

  private static dev.bulwark.model.SourceLocation loc(String file) {
    return dev.bulwark.model.SourceLocation.of(file);
  }
}
