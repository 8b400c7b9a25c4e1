package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The parts of a JavaScript module that run as soon as it is loaded (required, imported or run
 * by {@code node file}): statements at module level, immediately invoked functions, callbacks
 * handed to calls made there, and the bodies of module-level functions those parts call by
 * name. Function bodies that only callers run (exports, methods, handlers assigned to
 * properties) are left out. Hand-written over the tree-sitter tree, like {@link PySurface} for
 * Python.
 */
final class JsTopLevel {
  static final int MAX_CHARS = 512 * 1024;
  /** Parse budget in work units (tree-sitter progress callbacks), not time: see Budget. */
  static final long PARSE_WORK = dev.bulwark.analysis.EngineLimits.HEURISTIC_PARSE_WORK;
  private static final int MAX_NODES = 400_000;

  /** Char ranges [start, end) of code that runs on load. */
  record Ranges(List<int[]> ranges) {
    boolean contains(int at) {
      for (int[] r : ranges) {
        if (r[0] <= at && at < r[1]) {
          return true;
        }
      }
      return false;
    }
  }

  private JsTopLevel() {}

  static Optional<Ranges> of(String text, Language lang) {
    if (text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    Language l = lang == Language.TYPESCRIPT ? Language.TYPESCRIPT : Language.JAVASCRIPT;
    Optional<SyntaxTree> tree = SyntaxTree.parse(l, text, Budget.of(PARSE_WORK, dev.bulwark.analysis.EngineLimits.DEFAULT.lastResortMillis()));
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    try (SyntaxTree t = tree.get()) {
      TSNode root = t.root();
      Map<String, TSNode> functions = new HashMap<>();
      for (int i = 0; i < root.getNamedChildCount(); i++) {
        TSNode c = root.getNamedChild(i);
        TSNode def = c.getType().equals("export_statement") ? c.getChildByFieldName("declaration") : c;
        if (def != null && !def.isNull() && def.getType().equals("function_declaration")) {
          TSNode name = def.getChildByFieldName("name");
          if (name != null && !name.isNull()) {
            functions.putIfAbsent(t.text(name), def.getChildByFieldName("body"));
          }
        }
      }
      List<int[]> ranges = new ArrayList<>();
      Deque<TSNode> work = new ArrayDeque<>();
      for (int i = 0; i < root.getNamedChildCount(); i++) {
        TSNode c = root.getNamedChild(i);
        if (!definitionOnly(t, c)) {
          work.add(c);
        }
      }
      Set<String> followed = new HashSet<>();
      int visited = 0;
      while (!work.isEmpty() && visited < MAX_NODES) {
        TSNode region = work.poll();
        // walk the region, skipping nested function bodies unless they run now
        Deque<TSNode> stack = new ArrayDeque<>();
        stack.push(region);
        int start = t.startChar(region);
        while (!stack.isEmpty() && visited++ < MAX_NODES) {
          TSNode n = stack.pop();
          String type = n.getType();
          if (isFunction(type) && n != region && !runsNow(n)) {
            // cut the range around a function that does not run
            ranges.add(new int[] {start, t.startChar(n)});
            start = t.endChar(n);
            continue;
          }
          if (type.equals("call_expression")) {
            TSNode callee = n.getChildByFieldName("function");
            if (callee != null && !callee.isNull() && callee.getType().equals("identifier")) {
              String name = t.text(callee);
              TSNode body = functions.get(name);
              if (body != null && !body.isNull() && followed.add(name)) {
                work.add(body);
              }
            }
          }
          for (int i = n.getChildCount() - 1; i >= 0; i--) {
            stack.push(n.getChild(i));
          }
        }
        ranges.add(new int[] {start, t.endChar(region)});
      }
      ranges.removeIf(r -> r[1] <= r[0]);
      return Optional.of(new Ranges(List.copyOf(ranges)));
    }
  }

  private static boolean isFunction(String type) {
    return type.equals("function_expression") || type.equals("arrow_function") || type.equals("function_declaration")
        || type.equals("function") || type.equals("method_definition") || type.equals("generator_function")
        || type.equals("generator_function_declaration") || type.equals("class_body");
  }

  /** An immediately invoked function, or a callback passed to a call (setTimeout, .then, https.get). */
  private static boolean runsNow(TSNode fn) {
    TSNode p = fn.getParent();
    if (p == null || p.isNull()) {
      return false;
    }
    if (p.getType().equals("parenthesized_expression")) {
      TSNode pp = p.getParent();
      return pp != null && !pp.isNull() && pp.getType().equals("call_expression");
    }
    if (p.getType().equals("call_expression")) {
      return true;
    }
    return p.getType().equals("arguments");
  }

  /**
   * Statements that only define: function and class declarations, and assignments of functions,
   * classes or objects to exports.
   */
  private static boolean definitionOnly(SyntaxTree t, TSNode stmt) {
    String type = stmt.getType();
    if (type.equals("function_declaration") || type.equals("class_declaration") || type.equals("comment")
        || type.equals("generator_function_declaration") || type.equals("import_statement")) {
      return true;
    }
    if (type.equals("export_statement")) {
      TSNode d = stmt.getChildByFieldName("declaration");
      return d != null && !d.isNull() && (d.getType().equals("function_declaration") || d.getType().equals("class_declaration"));
    }
    return false;
  }
}
