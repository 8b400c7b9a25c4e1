package dev.bulwark.artifact;

import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Splits a Python {@code site-packages} folder (or an unpacked wheel) into installed packages.
 * Each {@code *.dist-info} claims the files its RECORD lists (else the top-level names in
 * top_level.txt); each {@code *.egg-info} claims installed-files.txt (else top_level.txt). Files
 * no distribution claims are grouped by top-level module name ("evil.pth", "evil/" and
 * "__pycache__/evil.cpython-312.pyc" form the package "evil"), so an injected .pth file or module
 * shows up as a package of its own.
 */
final class SitePackagesReader {
  /** RECORD and similar lists larger than this are not read (they list paths, not code). */
  private static final long MAX_LIST_BYTES = 16L << 20;

  private final ReaderLimits limits;
  private final Clock clock;
  private final Optional<char[]> password;
  /** Exact relative path to owner key. */
  private final Map<String, String> owners = new HashMap<>();
  /** Top-level name (folder or module) to owner key. */
  private final Map<String, String> topLevel = new HashMap<>();
  /** Per owner key, the files it owns, in walk order (paths only; content is read lazily). */
  private final Map<String, List<Entry>> targets = new TreeMap<>();

  private record Entry(Path file, String rel, BasicFileAttributes attrs) {}

  SitePackagesReader(ReaderLimits limits, Clock clock, Optional<char[]> password) {
    this.limits = limits;
    this.clock = clock;
    this.password = password;
  }

  /** A folder named site-packages or dist-packages, or one holding metadata folders only. */
  static boolean looksLike(Path dir) {
    Path fn = dir.getFileName();
    String name = fn == null ? "" : fn.toString();
    if (name.equals("site-packages") || name.equals("dist-packages")) {
      return true;
    }
    for (String marker : List.of("package.json", "setup.py", "setup.cfg", "pyproject.toml",
        "PKG-INFO")) {
      if (Files.exists(dir.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.limit(100_000).anyMatch(p -> isInfoDir(p.getFileName().toString())
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isInfoDir(String name) {
    return name.endsWith(".dist-info") || name.endsWith(".egg-info");
  }

  /** The installed packages, each read when asked (see {@link LazyArtifact}). */
  List<LazyArtifact> plan(Path given) throws IOException {
    Path root = given.toRealPath();
    List<Path> infoDirs;
    try (Stream<Path> s = Files.list(root)) {
      infoDirs = s.limit(limits.maxEntries())
          .filter(p -> isInfoDir(p.getFileName().toString()))
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .sorted()
          .toList();
    }
    for (Path info : infoDirs) {
      claim(info);
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
        String rel = FolderReader.relative(root, f);
        List<Entry> files = targets.computeIfAbsent(ownerOf(rel), k -> new ArrayList<>());
        if (files.size() <= limits.maxEntries()) { // one more than allowed, so the limit is reported
          files.add(new Entry(f, rel, a));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    List<LazyArtifact> out = new ArrayList<>();
    targets.forEach((key, files) -> out.add(new LazyArtifact(given + "/" + key,
        () -> asPypi(readOwned(files, given + "/" + key), key))));
    return out;
  }

  private Artifact readOwned(List<Entry> files, String display) {
    ReadContext ctx = new ReadContext(limits, clock);
    for (Entry e : files) {
      if (ctx.stopped()) {
        break;
      }
      FolderReader.intake(ctx, new ArchiveWalker(ctx, password), e.file(), e.rel(), e.attrs());
    }
    return ctx.toArtifact(display);
  }

  /** Records which paths one .dist-info or .egg-info folder owns. */
  private void claim(Path info) {
    String key = info.getFileName().toString();
    topLevel.put(key, key);
    boolean dist = key.endsWith(".dist-info");
    List<String> listed = lines(info.resolve(dist ? "RECORD" : "installed-files.txt"));
    for (String line : listed) {
      String first = dist ? firstCsvField(line) : line.trim();
      String base = dist ? "" : key + "/";
      resolve(base + first).ifPresent(p -> owners.putIfAbsent(p, key));
    }
    if (listed.isEmpty()) {
      for (String name : lines(info.resolve("top_level.txt"))) {
        String n = name.trim().replace('\\', '/');
        if (!n.isEmpty()) {
          topLevel.putIfAbsent(n, key);
        }
      }
    }
  }

  private String ownerOf(String rel) {
    String owner = owners.get(rel);
    if (owner != null) {
      return owner;
    }
    int slash = rel.indexOf('/');
    String top = slash < 0 ? rel : rel.substring(0, slash);
    owner = topLevel.get(top);
    if (owner != null) {
      return owner;
    }
    String module = moduleName(top.equals("__pycache__") && slash >= 0
        ? rel.substring(slash + 1) : top);
    return topLevel.getOrDefault(module, module);
  }

  /** "evil.py", "evil.pth", "evil.cpython-312-x86_64-linux-gnu.so" and "evil" all give "evil". */
  private static String moduleName(String name) {
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Site-packages targets are PyPI; groups without metadata are named after their module. */
  private static Artifact asPypi(Artifact a, String key) {
    boolean meta = a.ecosystem().equals(Optional.of(Ecosystem.PYPI)) && !a.name().isEmpty();
    String name = meta ? a.name() : isInfoDir(key) ? key.substring(0, key.lastIndexOf('.')) : key;
    return new Artifact(a.displayName(), Optional.of(Ecosystem.PYPI), name,
        meta ? a.version() : "", a.files(), a.readerFindings(), a.skipped(), a.errors());
  }

  /** Resolves "a/../b" style paths; empty when they leave site-packages (such as bin scripts). */
  private static Optional<String> resolve(String path) {
    List<String> out = new ArrayList<>();
    for (String seg : EntryName.segments(path.replace('\\', '/'))) {
      if (seg.equals("..")) {
        if (out.isEmpty()) {
          return Optional.empty();
        }
        out.remove(out.size() - 1);
      } else if (!seg.isEmpty() && !seg.equals(".")) {
        out.add(seg);
      }
    }
    return out.isEmpty() || path.startsWith("/") ? Optional.empty()
        : Optional.of(String.join("/", out));
  }

  /** The first field of a RECORD line (CSV; the path may be quoted). */
  static String firstCsvField(String line) {
    if (!line.startsWith("\"")) {
      int comma = line.indexOf(',');
      return comma < 0 ? line.trim() : line.substring(0, comma);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        b.append('"');
        i++;
      } else if (c == '"') {
        break;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static List<String> lines(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) > MAX_LIST_BYTES) {
        return List.of();
      }
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
      }
    } catch (IOException e) {
      return List.of();
    }
  }
}
