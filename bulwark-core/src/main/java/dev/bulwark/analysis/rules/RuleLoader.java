package dev.bulwark.analysis.rules;

import dev.bulwark.model.ExtractionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds rule files on the class path ({@code dev/bulwark/rules/}) or in a user folder. */
public final class RuleLoader {
  /** Class-path folder of the built-in rules. */
  public static final String RESOURCE_ROOT = "dev/bulwark/rules";

  private static final long MAX_RULE_BYTES = 256 * 1024;
  private static final int MAX_RULE_FILES = 10_000;

  private final RuleParser parser;

  public RuleLoader(RuleParser parser) {
    this.parser = parser;
  }

  /** The result of loading a folder: the valid rules, and one error per invalid file. */
  public record Loaded(List<Rule> rules, List<ExtractionException> errors) {
    public Loaded {
      rules = List.copyOf(rules);
      errors = List.copyOf(errors);
    }
  }

  /** Loads the built-in rules from the class path (a folder in tests, a jar when packaged). */
  public Loaded loadBuiltin(ClassLoader loader) {
    URL url = loader.getResource(RESOURCE_ROOT);
    if (url == null) {
      return new Loaded(List.of(), List.of());
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs = jarFileSystem(uri);
        return loadTree(fs.getPath("/" + RESOURCE_ROOT), "rules");
      }
      return loadTree(Path.of(uri), "rules");
    } catch (URISyntaxException | IOException e) {
      return new Loaded(
          List.of(), List.of(new ExtractionException(RESOURCE_ROOT, 0, "cannot list built-in rules: " + e.getMessage())));
    }
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (java.nio.file.FileSystemAlreadyExistsException race) {
        return FileSystems.getFileSystem(uri);
      }
    }
  }

  /** Loads every {@code *.yml} / {@code *.yaml} below a user folder. */
  public Loaded loadDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new Loaded(List.of(), List.of(new ExtractionException(dir.toString(), 0, "not a folder")));
    }
    return loadTree(dir, dir.toString());
  }

  private Loaded loadTree(Path root, String displayRoot) {
    List<Rule> rules = new ArrayList<>();
    List<ExtractionException> errors = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root, 8)) {
      files =
          s.filter(p -> Files.isRegularFile(p) && isRuleFile(p))
              .sorted(Comparator.comparing(Path::toString))
              .limit(MAX_RULE_FILES)
              .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return new Loaded(List.of(), List.of(new ExtractionException(displayRoot, 0, "cannot list rules: " + e.getMessage())));
    }
    for (Path p : files) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      String display = displayRoot + "/" + rel;
      try {
        rules.add(parseFile(p, display));
      } catch (ExtractionException e) {
        errors.add(e);
      }
    }
    return new Loaded(rules, errors);
  }

  private Rule parseFile(Path p, String display) throws ExtractionException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(p)) {
      bytes = in.readNBytes((int) MAX_RULE_BYTES + 1);
    } catch (IOException e) {
      throw new ExtractionException(display, 0, "cannot read: " + e.getMessage());
    }
    if (bytes.length > MAX_RULE_BYTES) {
      throw new ExtractionException(display, 0, "rule file larger than " + MAX_RULE_BYTES + " bytes");
    }
    String name = p.getFileName().toString();
    String id = name.substring(0, name.lastIndexOf('.'));
    return parser.parse(new String(bytes, StandardCharsets.UTF_8), display, id);
  }

  private static boolean isRuleFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }
}
