package dev.bulwark.analysis.rules;

import dev.bulwark.model.ExtractionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Typed access to a composed YAML node tree, with file and line in every error. */
final class YamlTree {
  private final String file;

  YamlTree(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  ExtractionException error(Node n, String message) {
    return new ExtractionException(file, line(n), message);
  }

  /** The mapping's entries; rejects keys outside {@code allowed}. */
  Map<String, Node> mapping(Node n, String what, Set<String> allowed) throws ExtractionException {
    if (!(n instanceof MappingNode m)) {
      throw error(n, what + " must be a mapping");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw error(t.getKeyNode(), what + " has a non-text key");
      }
      String key = k.getValue();
      if (!allowed.contains(key)) {
        throw error(k, "unknown field '" + key + "' in " + what + "; allowed: " + sorted(allowed));
      }
      if (out.put(key, t.getValueNode()) != null) {
        throw error(k, "duplicate field '" + key + "' in " + what);
      }
    }
    return out;
  }

  String string(Node n, String what) throws ExtractionException {
    if (!(n instanceof ScalarNode s)) {
      throw error(n, what + " must be text");
    }
    return s.getValue();
  }

  String required(Map<String, Node> map, Node owner, String key) throws ExtractionException {
    Node n = map.get(key);
    if (n == null) {
      throw error(owner, "missing required field '" + key + "'");
    }
    String s = string(n, key).trim();
    if (s.isEmpty()) {
      throw error(n, "field '" + key + "' is empty");
    }
    return s;
  }

  /** A list of strings; a single scalar counts as a one-item list. */
  List<String> strings(Node n, String what) throws ExtractionException {
    if (n instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    List<String> out = new ArrayList<>();
    for (Node item : items(n, what)) {
      out.add(string(item, what + " item"));
    }
    return out;
  }

  List<Node> items(Node n, String what) throws ExtractionException {
    if (!(n instanceof SequenceNode s)) {
      throw error(n, what + " must be a list");
    }
    return s.getValue();
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }
}
