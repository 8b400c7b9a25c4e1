package dev.bulwark.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code bulwark monitor --config FILE}: the feeds, registries, workers and caps in YAML (format:
 * docs/monitor.md). Every key is optional; a flag given on the command line wins over the file.
 * Unknown keys and out-of-range numbers are errors with the file and line. Read with
 * snakeyaml-engine's composer, bounded (1 MiB, few aliases, no duplicate keys).
 */
public record MonitorFile(Map<String, String> values) {
  static final long MAX_BYTES = 1 << 20;

  /** Accepted keys: the flag names without their dashes, plus the caps. */
  static final Set<String> KEYS = Set.of("state", "npm-changes", "npm-registry", "pypi-changes",
      "pypi-json", "pypi-rss", "since", "workers", "poll-seconds", "batch", "kafka", "postgres",
      "role", "max-artifact-mb", "download-timeout-seconds", "max-attempts");

  /** Integer keys and their inclusive ranges. */
  private static final Map<String, long[]> RANGES = Map.of(
      "workers", new long[] {1, 64},
      "poll-seconds", new long[] {1, 3600},
      "batch", new long[] {1, 10_000},
      "max-artifact-mb", new long[] {1, 4096},
      "download-timeout-seconds", new long[] {1, 3600},
      "max-attempts", new long[] {1, 100});

  public MonitorFile {
    values = Map.copyOf(values);
  }

  public static MonitorFile empty() {
    return new MonitorFile(Map.of());
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** An integer key (its range was checked when the file was read). */
  public Optional<Integer> number(String key) {
    return get(key).map(Integer::parseInt);
  }

  /**
   * The file's caps and batch over {@code c}: {@code max-artifact-mb},
   * {@code download-timeout-seconds}, {@code max-attempts}, {@code batch}.
   */
  public MonitorConfig applyCaps(MonitorConfig c) {
    MonitorConfig out = c.withCaps(
        number("max-artifact-mb").map(mb -> (long) mb << 20).orElse(c.maxArtifactBytes()),
        number("download-timeout-seconds").map(s -> Duration.ofSeconds(s))
            .orElse(c.downloadTimeout()),
        number("max-attempts").orElse(c.maxAttempts()));
    return number("batch").map(out::withBatch).orElse(out);
  }

  public static MonitorFile read(Path file) throws MonitorFileException {
    String display = file.toString();
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new MonitorFileException(display, 0, "not a regular file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new MonitorFileException(display, 0, "larger than 1 MiB");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), display);
    } catch (IOException e) {
      throw new MonitorFileException(display, 0, "cannot read: " + e.getMessage());
    }
  }

  public static MonitorFile parse(String text, String display) throws MonitorFileException {
    LoadSettings settings = LoadSettings.builder().setLabel(display)
        .setMaxAliasesForCollections(10).setAllowDuplicateKeys(false)
        .setCodePointLimit((int) MAX_BYTES).build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new MonitorFileException(display, line, "invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new MonitorFileException(display, 0, "invalid YAML: " + e.getMessage());
    }
    if (root.isEmpty()) {
      return empty();
    }
    if (!(root.get() instanceof MappingNode map)) {
      throw new MonitorFileException(display, line(root.get()), "expected a mapping of keys");
    }
    Map<String, String> out = new TreeMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode(), display);
      if (!KEYS.contains(key)) {
        throw new MonitorFileException(display, line(t.getKeyNode()), "unknown key '" + key
            + "'; expected one of " + String.join(", ", new TreeSet<>(KEYS)));
      }
      if (out.containsKey(key)) {
        // The composer keeps duplicates; only the constructor, not used here, refuses them.
        throw new MonitorFileException(display, line(t.getKeyNode()), "duplicate key '" + key
            + "'");
      }
      String value = scalar(t.getValueNode(), display).strip();
      long[] range = RANGES.get(key);
      if (range != null) {
        long n;
        try {
          n = Long.parseLong(value);
        } catch (NumberFormatException e) {
          n = Long.MIN_VALUE;
        }
        if (n < range[0] || n > range[1]) {
          throw new MonitorFileException(display, line(t.getValueNode()), key + " must be a whole"
              + " number from " + range[0] + " to " + range[1] + ", not '" + value + "'");
        }
      }
      out.put(key, value);
    }
    return new MonitorFile(out);
  }

  private static String scalar(Node n, String display) throws MonitorFileException {
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    throw new MonitorFileException(display, line(n), "expected a single value here");
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }
}
