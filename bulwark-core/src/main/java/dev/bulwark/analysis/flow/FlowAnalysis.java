package dev.bulwark.analysis.flow;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Light, name-based data flow inside one file (JavaScript, TypeScript, Python). A variable is
 * tainted when its assigned value mentions a source or a tainted variable; parameters of
 * callbacks given to a tainted or fetching call are tainted too. A sink call whose arguments
 * mention a source or a tainted variable of a wanted kind is a hit. No SSA, no scopes: names are
 * global to the file, which over-approximates on purpose. Payloads revealed by deobfuscation
 * count as the {@code decoded} source as a whole.
 */
public final class FlowAnalysis {
  /** Nodes visited per file at most. */
  static final int MAX_NODES = 400_000;

  private FlowAnalysis() {}

  /**
   * A pre-filter for a flow rule: one of these lower-cased strings occurs in any file where the
   * flow can match. Empty (no pre-filter) when {@code decoded} is a source, because every value of
   * a decoded payload counts as decoded.
   */
  public static Set<String> requiredMarkers(Set<String> sourceNames) {
    if (sourceNames.contains("decoded")) {
      return Set.of();
    }
    return Sources.markers(Sources.Kind.parse(sourceNames));
  }

  public static List<Hit> find(SyntaxTree tree, ScanFile file, Set<String> sourceNames,
      Set<String> sinkNames, Budget budget) {
    Language l = tree.language();
    if (l != Language.JAVASCRIPT && l != Language.TYPESCRIPT && l != Language.PYTHON) {
      return List.of();
    }
    Set<Sources.Kind> wantSources = Sources.Kind.parse(sourceNames);
    Set<Sinks.Kind> wantSinks = Sinks.Kind.parse(sinkNames);
    Facts facts = Facts.collect(tree, l == Language.PYTHON, budget);
    if (facts == null) {
      return List.of();
    }
    Map<String, Set<Sources.Kind>> taint = facts.propagate();
    boolean wholeFileDecoded = file.scope() == Scope.DECODED;
    boolean procOrChmod = facts.calls.stream().anyMatch(c -> !Sinks.of(c.callee, facts.python, false).isEmpty()
        && Sinks.of(c.callee, facts.python, false).contains(Sinks.Kind.PROCESS)) || facts.chmod;
    List<Hit> hits = new ArrayList<>();
    for (Call c : facts.calls) {
      Set<Sinks.Kind> kinds = Sinks.of(c.callee, facts.python, procOrChmod);
      kinds.retainAll(wantSinks);
      if (kinds.isEmpty()) {
        continue;
      }
      Set<Sources.Kind> reaching = EnumSet.noneOf(Sources.Kind.class);
      reaching.addAll(c.argSources);
      for (String id : c.argIdentifiers) {
        reaching.addAll(taint.getOrDefault(id, Set.of()));
      }
      if (wholeFileDecoded && !c.argIdentifiers.isEmpty()) {
        reaching.add(Sources.Kind.DECODED);
      }
      reaching.retainAll(wantSources);
      if (!reaching.isEmpty()) {
        hits.add(new Hit(c.start, c.end, reaching.iterator().next().ruleName + " reaches " + c.callee));
      }
    }
    return hits;
  }

  /** One call: callee text, what its arguments mention, where it is. */
  record Call(String callee, Set<Sources.Kind> argSources, Set<String> argIdentifiers, int start, int end) {}

  /** One assignment: names bound, what the value mentions. */
  record Assign(Set<String> names, Set<Sources.Kind> sources, Set<String> identifiers) {}

  /** What one walk over the tree collects. */
  static final class Facts {
    final boolean python;
    final List<Call> calls = new ArrayList<>();
    final List<Assign> assigns = new ArrayList<>();
    boolean chmod;

    Facts(boolean python) {
      this.python = python;
    }

    static Facts collect(SyntaxTree tree, boolean python, Budget budget) {
      Facts f = new Facts(python);
      Deque<TSNode> stack = new ArrayDeque<>();
      stack.push(tree.root());
      int visited = 0;
      while (!stack.isEmpty()) {
        if (++visited > MAX_NODES || (visited % 1024 == 0 && budget.tick())) {
          return visited > MAX_NODES ? f : null;
        }
        TSNode n = stack.pop();
        f.visit(tree, n);
        int count = n.getChildCount();
        for (int i = count - 1; i >= 0; i--) {
          stack.push(n.getChild(i));
        }
      }
      return f;
    }

    private void visit(SyntaxTree tree, TSNode n) {
      switch (n.getType()) {
        case "variable_declarator" -> assign(tree, n.getChildByFieldName("name"), n.getChildByFieldName("value"));
        case "assignment_expression", "augmented_assignment_expression", "assignment", "augmented_assignment" ->
            assign(tree, n.getChildByFieldName("left"), n.getChildByFieldName("right"));
        case "call_expression", "call", "new_expression" -> call(tree, n);
        case "as_pattern" -> assign(tree, n.getChildByFieldName("alias"), n.getChild(0));
        default -> { }
      }
    }

    private void assign(SyntaxTree tree, TSNode left, TSNode right) {
      if (left == null || right == null || left.isNull() || right.isNull()) {
        return;
      }
      String value = tree.text(right);
      assigns.add(new Assign(Identifiers.of(tree.text(left)), Sources.in(value), Identifiers.of(value)));
    }

    private void call(SyntaxTree tree, TSNode n) {
      TSNode fn = n.getChildByFieldName(n.getType().equals("new_expression") ? "constructor" : "function");
      TSNode args = n.getChildByFieldName("arguments");
      if (fn == null || fn.isNull()) {
        return;
      }
      String callee = (n.getType().equals("new_expression") ? "new " : "") + tree.text(fn);
      if (callee.length() > 200) {
        return;
      }
      if (callee.endsWith("chmod") || callee.endsWith("chmodSync")) {
        chmod = true;
      }
      String argText = args == null || args.isNull() ? "" : tree.text(args);
      Set<String> ids = Identifiers.of(argText);
      calls.add(new Call(callee, Sources.in(argText), ids, tree.startChar(n), tree.endChar(n)));
      Set<Sources.Kind> calleeSources = Sources.in(callee);
      String base = Identifiers.base(callee);
      if (!calleeSources.isEmpty() || !base.isEmpty()) {
        Set<String> params = Identifiers.callbackParams(argText);
        if (!params.isEmpty()) {
          // Parameters of callbacks inherit what the callee reads (fetch → response) or its base.
          assigns.add(new Assign(params, calleeSources, base.isEmpty() ? Set.of() : Set.of(base)));
        }
      }
    }

    /** Fixpoint over assignments: name → source kinds reaching it. */
    Map<String, Set<Sources.Kind>> propagate() {
      Map<String, Set<Sources.Kind>> taint = new HashMap<>();
      boolean changed = true;
      for (int round = 0; changed && round < 8; round++) {
        changed = false;
        for (Assign a : assigns) {
          Set<Sources.Kind> k = EnumSet.noneOf(Sources.Kind.class);
          k.addAll(a.sources);
          for (String id : a.identifiers) {
            k.addAll(taint.getOrDefault(id, Set.of()));
          }
          if (k.isEmpty()) {
            continue;
          }
          for (String name : a.names) {
            Set<Sources.Kind> cur = taint.computeIfAbsent(name, x -> EnumSet.noneOf(Sources.Kind.class));
            changed |= cur.addAll(k);
          }
        }
      }
      return taint;
    }
  }
}
