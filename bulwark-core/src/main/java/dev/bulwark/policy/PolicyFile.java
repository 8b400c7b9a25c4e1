package dev.bulwark.policy;

import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a project's policy file, {@code .bulwark.yml}:
 *
 * <pre>
 * failOn: high            # optional: critical|high|medium|low|any
 * dev: false              # optional: audit dev dependencies (default true)
 * ignore:
 *   - id: GHSA-xxxx-xxxx-xxxx          # an advisory id or any alias
 *     reason: not reachable, we never call template()
 *     expires: 2027-01-31
 *   - package: npm:lodash@4.17.4       # or pypi:django, a package with an optional version
 *     reason: pinned by a vendor SDK, upgrade tracked in JIRA-123
 *     expires: 2027-03-01
 * </pre>
 *
 * Every ignore needs a reason and an expiry date. Errors carry the file and line.
 */
public final class PolicyFile {
  public static final String FILE_NAME = ".bulwark.yml";
  private static final long MAX_BYTES = 1 << 20;
  private static final Set<String> TOP_KEYS = Set.of("failOn", "dev", "ignore");
  private static final Set<String> IGNORE_KEYS = Set.of("id", "package", "reason", "expires");

  /** The parsed file. Empty optionals mean "not set in the file". */
  public record Settings(Optional<FailOn> failOn, Optional<Boolean> dev, List<IgnoreRule> ignores) {
    public Settings {
      ignores = List.copyOf(ignores);
    }

    public static Settings empty() {
      return new Settings(Optional.empty(), Optional.empty(), List.of());
    }
  }

  private PolicyFile() {}

  public static Settings read(Path file, String display) throws ExtractionException {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new ExtractionException(display, 0, "not a regular file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ExtractionException(display, 0, "policy file is larger than 1 MiB");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), display);
    } catch (IOException e) {
      throw new ExtractionException(display, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  public static Settings parse(String text, String display) throws ExtractionException {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(display)
        .setMaxAliasesForCollections(10)
        .setAllowDuplicateKeys(false)
        .setCodePointLimit(1 << 20)
        .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ExtractionException(display, line, "invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ExtractionException(display, 0, "invalid YAML: " + e.getMessage());
    }
    if (root.isEmpty()) {
      return Settings.empty();
    }
    if (!(root.get() instanceof MappingNode map)) {
      throw new ExtractionException(display, line(root.get()), "expected a mapping at the top level");
    }
    Optional<FailOn> failOn = Optional.empty();
    Optional<Boolean> dev = Optional.empty();
    List<IgnoreRule> ignores = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode(), display);
      Node v = t.getValueNode();
      if (!TOP_KEYS.contains(key)) {
        throw new ExtractionException(display, line(t.getKeyNode()),
            "unknown key '" + key + "'; expected one of failOn, dev, ignore");
      }
      switch (key) {
        case "failOn" -> failOn = Optional.of(FailOn.parse(scalar(v, display)).orElseThrow(() ->
            new ExtractionException(display, line(v),
                "failOn must be critical, high, medium, low or any")));
        case "dev" -> dev = Optional.of(bool(v, display));
        default -> ignores.addAll(ignores(v, display));
      }
    }
    return new Settings(failOn, dev, ignores);
  }

  private static List<IgnoreRule> ignores(Node v, String display) throws ExtractionException {
    if (!(v instanceof SequenceNode seq)) {
      throw new ExtractionException(display, line(v), "ignore must be a list");
    }
    List<IgnoreRule> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode m)) {
        throw new ExtractionException(display, line(item), "each ignore must be a mapping");
      }
      String id = "";
      String pkg = "";
      String reason = "";
      String expires = "";
      for (NodeTuple t : m.getValue()) {
        String k = scalar(t.getKeyNode(), display);
        if (!IGNORE_KEYS.contains(k)) {
          throw new ExtractionException(display, line(t.getKeyNode()),
              "unknown key '" + k + "' in ignore; expected id, package, reason, expires");
        }
        String val = scalar(t.getValueNode(), display);
        switch (k) {
          case "id" -> id = val;
          case "package" -> pkg = val;
          case "reason" -> reason = val;
          default -> expires = val;
        }
      }
      out.add(rule(id, pkg, reason, expires, SourceLocation.of(display, line(item)), display));
    }
    return out;
  }

  private static IgnoreRule rule(String id, String pkg, String reason, String expires,
      SourceLocation loc, String display) throws ExtractionException {
    if (id.isEmpty() && pkg.isEmpty()) {
      throw new ExtractionException(display, loc.line(), "an ignore needs an id or a package");
    }
    if (reason.isBlank()) {
      throw new ExtractionException(display, loc.line(), "an ignore needs a reason");
    }
    if (expires.isEmpty()) {
      throw new ExtractionException(display, loc.line(),
          "an ignore needs an expiry date (expires: YYYY-MM-DD)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(expires);
    } catch (DateTimeParseException e) {
      throw new ExtractionException(display, loc.line(),
          "expires must be a date like 2027-01-31, not '" + expires + "'");
    }
    String eco = "";
    String name = pkg;
    String version = "";
    int colon = pkg.indexOf(':');
    if (colon > 0) {
      eco = pkg.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      name = pkg.substring(colon + 1);
      if (!eco.equals("npm") && !eco.equals("pypi")) {
        throw new ExtractionException(display, loc.line(),
            "package must start with npm: or pypi:, not '" + eco + ":'");
      }
    }
    int at = name.lastIndexOf('@');
    int eq = name.indexOf("==");
    if (eq > 0) {
      version = name.substring(eq + 2);
      name = name.substring(0, eq);
    } else if (at > 0) {
      version = name.substring(at + 1);
      name = name.substring(0, at);
    }
    return new IgnoreRule(id, eco, name, version, reason.trim(), date, loc);
  }

  private static String scalar(Node n, String display) throws ExtractionException {
    if (n instanceof ScalarNode s) {
      return s.getValue().trim();
    }
    throw new ExtractionException(display, line(n), "expected a plain value");
  }

  private static boolean bool(Node n, String display) throws ExtractionException {
    String s = scalar(n, display);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ExtractionException(display, line(n), "expected true or false");
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }
}
