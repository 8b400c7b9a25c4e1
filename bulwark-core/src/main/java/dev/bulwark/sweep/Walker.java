package dev.bulwark.sweep;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Bounded depth-first walks through {@link SweepFs}; symbolic links are never followed. */
final class Walker {
  /** Folders that hold dependencies or history, not traces; skipped by general walks. */
  static final Set<String> BULKY = Set.of("node_modules", ".git", ".hg", ".svn", "site-packages",
      "__pycache__", ".venv", "venv", ".tox", ".gradle", ".m2", "target", "build", "dist");

  /** Called for each entry; return false to stop descending into a folder. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(Path path, BasicFileAttributes attrs, int depth);
  }

  private Walker() {}

  /** Visits the entries under {@code start}, down to {@code maxDepth} levels (1 = children). */
  static void walk(SweepFs fs, Path start, int maxDepth, Visitor v) {
    walk(fs, start, 1, maxDepth, v);
  }

  private static void walk(SweepFs fs, Path dir, int depth, int maxDepth, Visitor v) {
    if (depth > maxDepth || fs.spent()) {
      return;
    }
    List<Path> children = fs.list(dir);
    for (Path c : children) {
      Optional<BasicFileAttributes> a = fs.attributes(c);
      if (a.isEmpty()) {
        continue;
      }
      boolean descend = v.visit(c, a.get(), depth);
      if (descend && a.get().isDirectory() && !a.get().isSymbolicLink()) {
        walk(fs, c, depth + 1, maxDepth, v);
      }
    }
  }

  static String name(Path p) {
    Path f = p.getFileName();
    return f == null ? "" : f.toString();
  }
}
