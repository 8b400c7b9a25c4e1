package dev.bulwark.project;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.HeapLane;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Loads a project from a folder, an archive (.zip, .tar.gz) or a git repository, with limits.
 * Git repositories are read through JGit's object reader: nothing is checked out and no git
 * command runs, so no hook, filter or fsmonitor of the repository can fire.
 */
public final class ProjectLoader {
  /** Folders whose content is not the project's own code. */
  static final Set<String> SKIP_DIRS = Set.of("node_modules", "bower_components", "__pycache__",
      ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".next", ".nuxt",
      ".svelte-kit", ".turbo", ".cache", ".parcel-cache", "coverage", ".gradle", "target",
      ".yarn", ".pnpm-store", "site-packages");

  /**
   * Dependency folders that are scanned when they came with the project (committed to git, inside
   * the archive, or in a folder that no package manager on this machine filled): code there runs
   * as soon as the project requires it, and attackers plant loaders in it.
   */
  static final Set<String> SHIPPED_DEP_DIRS = Set.of("node_modules", "bower_components");
  /** Files a package manager writes into node_modules when it installs (npm 7+, yarn, pnpm). */
  private static final List<String> INSTALL_STATE = List.of(".package-lock.json", ".yarn-integrity",
      ".modules.yaml", ".yarn-state.yml");

  private final ReaderLimits limits;

  public ProjectLoader(ReaderLimits limits) {
    this.limits = limits;
  }

  /**
   * The bytes a project keeps in memory: as a package, at most {@link ReaderLimits#maxKeptBytes()}
   * (and never more than the read limit), so that a project scanned beside other targets fits the
   * heap the scan's threads were sized for ({@link HeapLane#threadsThatFit}).
   */
  private long keptLimit() {
    return Math.min(limits.maxTotalBytes(), limits.maxKeptBytes());
  }

  /** Loads the project at {@code path}; {@code display} is how output names it. */
  public ProjectTree load(Path path, String display, Optional<char[]> password) throws IOException {
    if (Files.isDirectory(path)) {
      if (isBareRepository(path)) {
        return fromGit(path, display, List.of(), "git HEAD");
      }
      ProjectTree tree = fromFolder(path, display);
      Path dotGit = path.resolve(".git");
      if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        // Files committed at HEAD that the working tree lacks (e.g. a --no-checkout clone).
        return fromGit(dotGit, display, tree.files(), "folder + git HEAD").merge(tree);
      }
      return tree;
    }
    if (!Files.isRegularFile(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString());
    }
    return fromArchive(new ArtifactReader(limits).read(path, password).get(0), display);
  }

  /**
   * A project from an archive already read (a .zip or .tar.gz of a repository): its common top
   * folder is stripped, and dependency and cache folders are left out.
   */
  public static ProjectTree fromArchive(Artifact a, String display) {
    List<ArtifactFile> files = stripCommonRoot(a.files());
    List<Skipped> skipped = new ArrayList<>(a.skipped());
    List<ArtifactFile> kept = new ArrayList<>();
    for (ArtifactFile f : files) {
      if (inSkippedDir(f.path(), true)) {
        continue;
      }
      kept.add(f);
    }
    List<Problem> problems = new ArrayList<>(a.errors());
    a.readerFindings().forEach(fi -> problems.add(new Problem(fi.ruleId(), fi.message(), fi.location())));
    return new ProjectTree(display, "archive", kept, problems, skipped);
  }

  public static boolean isBareRepository(Path dir) {
    return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))
        && Files.isDirectory(dir.resolve("refs"));
  }

  static boolean inSkippedDir(String path) {
    return inSkippedDir(path, false);
  }

  /** @param keepShippedDeps whether {@link #SHIPPED_DEP_DIRS} are part of the project here */
  static boolean inSkippedDir(String path, boolean keepShippedDeps) {
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (SKIP_DIRS.contains(parts[i]) && !(keepShippedDeps && SHIPPED_DEP_DIRS.contains(parts[i]))) {
        return true;
      }
      if (parts[i].equals(".git") && !(i + 1 < parts.length
          && (parts[i + 1].equals("config") || parts[i + 1].equals("hooks")))) {
        return true;
      }
    }
    return false;
  }

  /** "repo-main/src/x.js" → "src/x.js" when every file shares one top folder. */
  public static List<ArtifactFile> stripCommonRoot(List<ArtifactFile> files) {
    if (files.isEmpty()) {
      return files;
    }
    String first = files.get(0).path();
    int slash = first.indexOf('/');
    if (slash <= 0) {
      return files;
    }
    String root = first.substring(0, slash + 1);
    for (ArtifactFile f : files) {
      if (!f.path().startsWith(root)) {
        return files;
      }
    }
    List<ArtifactFile> out = new ArrayList<>(files.size());
    for (ArtifactFile f : files) {
      out.add(new ArtifactFile(f.path().substring(root.length()), f.content(), f.executable()));
    }
    return out;
  }

  private ProjectTree fromFolder(Path root, String display) throws IOException {
    List<ArtifactFile> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    long[] total = {0};
    List<Path> shipped = new ArrayList<>();
    // The project's own files first, then dependency folders that came with it, with what is left
    // of the budget: a large node_modules must not crowd out the project's code.
    boolean complete = walk(root, root, false, shipped, files, skipped, problems, total);
    for (Path d : shipped) {
      if (!complete || !walk(root, d, true, shipped, files, skipped, problems, total)) {
        break;
      }
    }
    files.sort(Comparator.comparing(ArtifactFile::path));
    skipped.sort(null);
    problems.sort(null);
    return new ProjectTree(display, "folder", files, problems, skipped);
  }

  /** Whether a dependency folder was filled by a package manager on this machine. */
  private static boolean installedHere(Path depDir) {
    return INSTALL_STATE.stream().anyMatch(n -> Files.exists(depDir.resolve(n), LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * Reads the files under {@code start}; false when a limit stopped the walk.
   *
   * @param depsPass whether {@code start} is a shipped dependency folder (nested ones are read too)
   * @param shipped collects shipped dependency folders met in the first pass
   */
  private boolean walk(Path root, Path start, boolean depsPass, List<Path> shipped,
      List<ArtifactFile> files, List<Skipped> skipped, List<Problem> problems, long[] total)
      throws IOException {
    boolean[] complete = {true};
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (d.equals(start)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = rel(root, d);
        String name = d.getFileName().toString();
        if (SHIPPED_DEP_DIRS.contains(name) && depsPass) {
          return FileVisitResult.CONTINUE;
        }
        if (SHIPPED_DEP_DIRS.contains(name) && !installedHere(d)) {
          shipped.add(d);
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (SHIPPED_DEP_DIRS.contains(name)) {
          skipped.add(new Skipped(rel + "/", "dependencies installed by a package manager here, not"
              + " the project's own code; scan them with `bulwark scan " + rel + "`"));
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (SKIP_DIRS.contains(name) || Files.isRegularFile(d.resolve("pyvenv.cfg"))) {
          skipped.add(new Skipped(rel + "/", "not the project's own code"));
          return FileVisitResult.SKIP_SUBTREE;
        }
        if (rel.startsWith(".git/") && !rel.equals(".git/hooks")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        String rel = rel(root, f);
        if (rel.startsWith(".git/") && !rel.equals(".git/config") && !rel.startsWith(".git/hooks/")) {
          return FileVisitResult.CONTINUE;
        }
        if (rel.startsWith(".git/hooks/") && rel.endsWith(".sample")) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          skipped.add(new Skipped(rel, "symbolic link, not followed"));
          return FileVisitResult.CONTINUE;
        }
        if (!attrs.isRegularFile()) {
          return FileVisitResult.CONTINUE;
        }
        if (files.size() >= limits.maxEntries()) {
          problems.add(new Problem("too-many-files", "more than " + limits.maxEntries()
              + " files; the rest were not read", SourceLocation.of(rel)));
          complete[0] = false;
          return FileVisitResult.TERMINATE;
        }
        if (attrs.size() > limits.maxFileBytes()) {
          skipped.add(new Skipped(rel, "larger than " + (limits.maxFileBytes() >> 20) + " MiB"));
          return FileVisitResult.CONTINUE;
        }
        if (total[0] + attrs.size() > keptLimit()) {
          problems.add(new Problem("too-large", "the project is larger than "
              + (keptLimit() >> 20) + " MiB; the rest was not read", SourceLocation.of(rel)));
          complete[0] = false;
          return FileVisitResult.TERMINATE;
        }
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
          byte[] b = in.readNBytes((int) limits.maxFileBytes());
          HeapLane.kept(total[0] + b.length);
          total[0] += b.length;
          files.add(new ArtifactFile(rel, b, Files.isExecutable(f)));
        } catch (IOException e) {
          problems.add(new Problem("unreadable", "cannot read: " + e.getMessage(), SourceLocation.of(rel)));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        problems.add(new Problem("unreadable", "cannot read: " + e.getMessage(),
            SourceLocation.of(rel(root, f))));
        return FileVisitResult.CONTINUE;
      }
    });
    return complete[0];
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /** Reads HEAD's tree from a repository (its .git folder, or a bare repository). */
  private ProjectTree fromGit(Path gitDir, String display, List<ArtifactFile> present, String origin) {
    Set<String> have = new java.util.HashSet<>();
    present.forEach(f -> have.add(f.path()));
    List<ArtifactFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile())
        .setMustExist(true).build()) {
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        return new ProjectTree(display, origin, files, problems, skipped);
      }
      try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
        RevCommit commit = walk.parseCommit(head);
        tw.addTree(commit.getTree());
        tw.setRecursive(true);
        long total = 0;
        while (tw.next()) {
          String p = tw.getPathString();
          if (have.contains(p) || inSkippedDir(p, true)) {
            continue;
          }
          if (tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB
              || tw.getFileMode(0) == org.eclipse.jgit.lib.FileMode.SYMLINK) {
            skipped.add(new Skipped(p, "symbolic link or submodule, not followed"));
            continue;
          }
          if (files.size() >= limits.maxEntries()) {
            problems.add(new Problem("too-many-files", "more than " + limits.maxEntries()
                + " files at HEAD; the rest were not read", SourceLocation.of(p)));
            break;
          }
          ObjectLoader loader = repo.open(tw.getObjectId(0));
          if (loader.getSize() > limits.maxFileBytes() || total + loader.getSize() > keptLimit()) {
            skipped.add(new Skipped(p, "too large (" + loader.getSize() + " bytes)"));
            continue;
          }
          byte[] b = loader.getBytes((int) limits.maxFileBytes());
          HeapLane.kept(total + b.length);
          total += b.length;
          files.add(new ArtifactFile(p, b,
              tw.getFileMode(0) == org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem("git-unreadable", "cannot read the repository's HEAD: "
          + e.getMessage(), SourceLocation.of(".git")));
    }
    files.sort(Comparator.comparing(ArtifactFile::path));
    return new ProjectTree(display, origin, files, problems, skipped);
  }

  static Map<String, ArtifactFile> index(List<ArtifactFile> files) {
    Map<String, ArtifactFile> m = new LinkedHashMap<>();
    files.forEach(f -> m.put(f.path(), f));
    return m;
  }
}
