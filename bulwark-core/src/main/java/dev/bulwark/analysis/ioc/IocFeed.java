package dev.bulwark.analysis.ioc;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Known indicators of compromise: C2 addresses, domains, URLs, file hashes and bad package
 * versions. The built-in snapshot is data ({@code dev/bulwark/ioc/iocs.csv}, sources in
 * {@code SOURCES.md} beside it); users add files in the same {@code type,value,source} format.
 * Immutable and thread-safe once built.
 */
public final class IocFeed {
  static final String SNAPSHOT = "/dev/bulwark/ioc/iocs.csv";
  static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  private final List<Ioc> indicators;
  private final List<Problem> problems;
  private final IocMatcher matcher;
  private final Map<String, Ioc> hashes = new HashMap<>();
  private final Map<String, Ioc> packages = new HashMap<>();

  private IocFeed(List<Ioc> all, List<Problem> problems) {
    this.indicators = List.copyOf(new TreeSet<>(all));
    this.problems = List.copyOf(new TreeSet<>(problems));
    List<Ioc> text = new ArrayList<>();
    for (Ioc i : indicators) {
      if (i.type().inText()) {
        text.add(i);
      }
      if (i.type() == IocType.SHA256) {
        hashes.putIfAbsent(i.value(), i);
      } else if (i.type() == IocType.NPM || i.type() == IocType.PYPI) {
        packages.putIfAbsent(i.type().fileName() + ":" + i.value(), i);
      }
    }
    this.matcher = new IocMatcher(text);
  }

  /** The built-in snapshot only. */
  public static IocFeed builtin() {
    return load(List.of());
  }

  /**
   * The built-in snapshot plus the given files. A folder stands for its {@code *.csv} and
   * {@code *.txt} files, in name order. Unreadable files and bad lines become {@link #problems()}.
   */
  public static IocFeed load(List<Path> extraFiles) {
    List<Ioc> all = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    readSnapshot(all, problems);
    for (Path p : expand(extraFiles, problems)) {
      readFile(p, all, problems);
    }
    return new IocFeed(all, problems);
  }

  /** A feed of exactly these indicators (no snapshot), for tests and embedding. */
  public static IocFeed of(List<Ioc> indicators) {
    return new IocFeed(indicators, List.of());
  }

  /** Every indicator, sorted by type, value and source. */
  public List<Ioc> indicators() {
    return indicators;
  }

  /** Problems met while loading, each with file and line. Empty when all input was good. */
  public List<Problem> problems() {
    return problems;
  }

  /** Every IP, IP:port, domain, URL and SHA-256 indicator found in {@code text}, by position. */
  public List<IocHit> scan(String text) {
    return matcher.scan(text);
  }

  /** The indicator for this SHA-256 digest (32 bytes), if it is a known-bad file. */
  public Optional<IocHit> hash(byte[] sha256) {
    if (sha256.length != 32) {
      return Optional.empty();
    }
    return Optional.ofNullable(hashes.get(HexFormat.of().formatHex(sha256))).map(IocHit::lookup);
  }

  /** The indicator naming this package version (or the package as a whole), if any. */
  public Optional<IocHit> knownPackage(Ecosystem ecosystem, String name, String version) {
    IocType type = ecosystem == Ecosystem.NPM ? IocType.NPM : IocType.PYPI;
    String n = ecosystem == Ecosystem.NPM ? name.toLowerCase(Locale.ROOT) : PackageNames.normalizePypi(name);
    Ioc exact = packages.get(type.fileName() + ":" + n + "@" + version);
    Ioc any = packages.get(type.fileName() + ":" + n);
    return Optional.ofNullable(exact != null ? exact : any).map(IocHit::lookup);
  }

  private static void readSnapshot(List<Ioc> all, List<Problem> problems) {
    try (InputStream in = IocFeed.class.getResourceAsStream(SNAPSHOT)) {
      if (in == null) {
        problems.add(new Problem("missing", "the built-in IOC snapshot is missing", SourceLocation.of(SNAPSHOT)));
        return;
      }
      IocParser.parse(reader(in), SNAPSHOT, all, problems);
    } catch (IOException e) {
      problems.add(new Problem("read-error", "cannot read the IOC snapshot: " + e.getMessage(), SourceLocation.of(SNAPSHOT)));
    }
  }

  private static void readFile(Path p, List<Ioc> all, List<Problem> problems) {
    String name = p.toString();
    try {
      if (Files.size(p) > MAX_FILE_BYTES) {
        problems.add(new Problem("too-large", "IOC file larger than " + MAX_FILE_BYTES + " bytes; skipped", SourceLocation.of(name)));
        return;
      }
      try (InputStream in = Files.newInputStream(p)) {
        IocParser.parse(reader(in), name, all, problems);
      }
    } catch (IOException e) {
      problems.add(new Problem("read-error", "cannot read IOC file: " + e.getMessage(), SourceLocation.of(name)));
    }
  }

  private static List<Path> expand(List<Path> paths, List<Problem> problems) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> s = Files.list(p)) {
        s.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().endsWith(".csv") || f.getFileName().toString().endsWith(".txt"))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        problems.add(new Problem("read-error", "cannot list IOC folder: " + e.getMessage(), SourceLocation.of(p.toString())));
      }
    }
    return out;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
