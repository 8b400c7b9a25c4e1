package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML into {@link Tree}s with snakeyaml-engine's composer only: no Java objects are ever
 * constructed from tags. Aliases of collections are limited (billion laughs), and so are nesting
 * depth and the number of nodes visited, because aliases can make a small text a large tree.
 */
final class YamlTrees {
  static final int MAX_DEPTH = 100;
  static final int MAX_ALIASES = 10;
  static final int MAX_NODES = 5_000_000;
  /** Deepest flow nesting or indentation column accepted before the composer runs. */
  static final int MAX_FLOW_DEPTH = 100;
  static final int MAX_INDENT = 400;

  private final Issues issues;
  private int visited;

  private YamlTrees(Issues issues) {
    this.issues = issues;
  }

  /** All documents of the stream, in order. */
  static List<Tree> parseAll(LockfileInput in, Issues issues) throws ExtractionException {
    NestingCheck.check(in.displayPath(), in.text());
    LoadSettings settings = LoadSettings.builder()
        .setLabel(in.displayPath())
        .setSchema(new CoreSchema())
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE - 16, in.text().length() + 16L))
        .setUseMarks(true)
        .build();
    YamlTrees conv = new YamlTrees(issues);
    List<Tree> docs = new ArrayList<>();
    try {
      for (Node n : new Compose(settings).composeAllFromString(in.text())) {
        docs.add(conv.convert(in.displayPath(), n, lineOf(n), 0));
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
      throw new ExtractionException(in.displayPath(), line,
          "not valid YAML: " + Issues.clean(String.valueOf(e.getProblem())));
    } catch (YamlEngineException e) {
      throw new ExtractionException(in.displayPath(), aliasLimitLine(in.text(), settings),
          "not valid YAML: " + Issues.clean(String.valueOf(e.getMessage())));
    } catch (StackOverflowError e) {
      // Last resort; NestingCheck should have refused such input already.
      throw new ExtractionException(in.displayPath(), 0, "YAML nested too deeply");
    }
    return docs;
  }

  /**
   * The composer reports the alias limit without a position. Only on that failure path, the
   * events are read again to find the line of the first collection alias over the limit (0 when
   * the failure was something else).
   */
  private static int aliasLimitLine(String text, LoadSettings settings) {
    Set<Anchor> collections = new HashSet<>();
    int aliases = 0;
    try {
      for (Event ev : new Parse(settings).parseString(text)) {
        if (ev instanceof CollectionStartEvent c && c.getAnchor().isPresent()) {
          collections.add(c.getAnchor().get());
        } else if (ev instanceof AliasEvent a && collections.contains(a.getAlias())
            && ++aliases > MAX_ALIASES) {
          return a.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        }
      }
    } catch (YamlEngineException e) {
      return 0;
    }
    return 0;
  }

  private static int lineOf(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private Tree convert(String file, Node n, int line, int depth) throws ExtractionException {
    if (depth > MAX_DEPTH) {
      throw new ExtractionException(file, lineOf(n), "YAML nested more than " + MAX_DEPTH
          + " levels deep (or a recursive alias)");
    }
    if (++visited > MAX_NODES) {
      throw new ExtractionException(file, lineOf(n), "YAML expands to more than " + MAX_NODES
          + " nodes");
    }
    if (n instanceof ScalarNode s) {
      return new Tree.Val(s.getValue(), kindOf(s.getTag()), line);
    }
    if (n instanceof SequenceNode seq) {
      List<Tree> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        items.add(convert(file, item, lineOf(item), depth + 1));
      }
      return new Tree.Arr(items, line);
    }
    MappingNode map = (MappingNode) n;
    Map<String, Tree> fields = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      int keyLine = lineOf(t.getKeyNode());
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        issues.add("bad-entry", "a mapping key is not a plain value; skipped", keyLine);
        continue;
      }
      Tree value = convert(file, t.getValueNode(), keyLine, depth + 1);
      if (fields.put(k.getValue(), value) != null) {
        issues.add("duplicate-key", "key \"" + k.getValue() + "\" appears more than once; the"
            + " last one is used", keyLine);
      }
    }
    return new Tree.Obj(fields, line);
  }

  private static Tree.Kind kindOf(Tag tag) {
    if (Tag.BOOL.equals(tag)) {
      return Tree.Kind.BOOLEAN;
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return Tree.Kind.NUMBER;
    }
    return Tag.NULL.equals(tag) ? Tree.Kind.NULL : Tree.Kind.STRING;
  }

  /**
   * A cheap pre-scan of nesting. Hand-written because snakeyaml-engine 3.2 has no nesting-depth
   * setting and its composer recurses once per level.
   */
  static final class NestingCheck {
    private NestingCheck() {}

    static void check(String file, String text) throws ExtractionException {
      int depth = 0;
      int line = 1;
      int i = 0;
      while (i < text.length()) {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        int indent = i;
        while (indent < end && " \t-?".indexOf(text.charAt(indent)) >= 0) {
          indent++;
        }
        if (indent - i > MAX_INDENT) {
          throw new ExtractionException(file, line, "YAML indented more than " + MAX_INDENT
              + " columns");
        }
        depth = flowDepth(text, i, end, depth);
        if (depth > MAX_FLOW_DEPTH) {
          throw new ExtractionException(file, line, "YAML nested more than " + MAX_FLOW_DEPTH
              + " levels deep");
        }
        i = end + 1;
        line++;
      }
    }

    /** Counts brackets outside quotes and comments on one line. */
    private static int flowDepth(String text, int from, int end, int start) {
      int depth = start;
      char quote = 0;
      for (int j = from; j < end; j++) {
        char c = text.charAt(j);
        char prev = j == from ? ' ' : text.charAt(j - 1);
        if (quote != 0) {
          if (c == '\\' && quote == '"') {
            j++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if ((c == '"' || c == '\'') && " [{,:".indexOf(prev) >= 0) {
          quote = c;
        } else if (c == '#' && (prev == ' ' || j == from)) {
          return depth;
        } else if (c == '[' || c == '{') {
          if (++depth > MAX_FLOW_DEPTH) {
            return depth;
          }
        } else if ((c == ']' || c == '}') && depth > 0) {
          depth--;
        }
      }
      return depth;
    }
  }
}
