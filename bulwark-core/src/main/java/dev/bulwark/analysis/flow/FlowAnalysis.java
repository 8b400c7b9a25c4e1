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
 * mention a source or a tainted variable of a wanted kind is a hit. No SSA; a name belongs to the
 * function that declares it, else to the file's top level (see {@link Facts}). Payloads revealed by deobfuscation
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
    return find(tree, file, sourceNames, sinkNames, budget, new Memo());
  }

  /**
   * As {@link #find(SyntaxTree, ScanFile, Set, Set, Budget)}, with the facts of the tree collected
   * once in {@code memo} for all flow rules of a file.
   */
  public static List<Hit> find(SyntaxTree tree, ScanFile file, Set<String> sourceNames,
      Set<String> sinkNames, Budget budget, Memo memo) {
    Language l = tree.language();
    if (l != Language.JAVASCRIPT && l != Language.TYPESCRIPT && l != Language.PYTHON) {
      return List.of();
    }
    Set<Sources.Kind> wantSources = Sources.Kind.parse(sourceNames);
    Set<Sinks.Kind> wantSinks = Sinks.Kind.parse(sinkNames);
    Facts facts = memo.facts(tree, l == Language.PYTHON, budget);
    if (facts == null) {
      return List.of();
    }
    Map<String, Set<Sources.Kind>> taint = facts.propagate();
    boolean wholeFileDecoded = file.scope() == Scope.DECODED;
    boolean procOrChmod = facts.calls.stream().anyMatch(c -> facts.sinks(c.callee, false)
        .contains(Sinks.Kind.PROCESS)) || facts.chmod;
    List<Hit> hits = new ArrayList<>();
    for (Call c : facts.calls) {
      Set<Sinks.Kind> kinds = facts.sinks(c.callee, procOrChmod);
      kinds.retainAll(wantSinks);
      if (c.constantArgs && !wholeFileDecoded) {
        // eval("…source text…") runs code that is written out in the file (bundlers' eval
        // modules): no value reaches it, and the rules read that text as code of its own.
        // In a decoded payload every value counts as decoded, literals included.
        kinds.remove(Sinks.Kind.EVAL);
      }
      if (kinds.isEmpty()) {
        continue;
      }
      Set<Sources.Kind> reaching = EnumSet.noneOf(Sources.Kind.class);
      reaching.addAll(c.argSources);
      Facts.reach(reaching, c.argIdentifiers, c.directArgIdentifiers, taint);
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

  /**
   * The facts of one tree, collected once for all the flow rules of a file. The walk charges its
   * budget one unit per 1,024 nodes; a later rule is charged the same units again, one at a time,
   * and gets no facts if its budget runs out on the way, exactly where a walk of its own would
   * have stopped, so budgets and results are those of a walk per rule. Facts are read-only once
   * collected. One file on one thread.
   */
  public static final class Memo {
    private SyntaxTree tree;
    private boolean python;
    private Facts facts;
    private long work;

    Facts facts(SyntaxTree t, boolean py, Budget budget) {
      if (facts != null && tree == t && python == py) {
        for (long i = 0; i < work; i++) {
          if (budget.tick()) {
            return null;
          }
        }
        return facts;
      }
      long before = budget.work();
      Facts f = Facts.collect(t, py, budget);
      if (f != null) {
        tree = t;
        python = py;
        facts = f;
        work = budget.work() - before;
      }
      return f;
    }
  }

  /**
   * One call: callee text, what its arguments mention (names resolved to scoped keys), where it is.
   * {@code directArgIdentifiers}: the names of the arguments' direct text ({@link WalletSecrets}),
   * the only ones a {@code wallet-secret} travels through.
   */
  record Call(String callee, Set<Sources.Kind> argSources, Set<String> argIdentifiers,
      Set<String> directArgIdentifiers, boolean constantArgs, int start, int end) {}

  /**
   * One assignment: names bound, what the value mentions (all names resolved to scoped keys);
   * {@code direct}: the names of the value's direct text, as for {@link Call}.
   */
  record Assign(Set<String> names, Set<Sources.Kind> sources, Set<String> identifiers, Set<String> direct) {}

  /** Before scopes are resolved: names with the chain of enclosing functions they were seen in. */
  private record RawCall(String callee, Set<Sources.Kind> argSources, Set<String> argIdentifiers,
      Set<String> directArgIdentifiers, boolean constantArgs, int[] chain, int start, int end) {}

  private record RawAssign(Set<String> names, int[] namesChain, Set<Sources.Kind> sources,
      Set<String> identifiers, Set<String> direct, int[] chain) {}

  private record Frame(TSNode node, int[] chain) {}

  /**
   * What one walk over the tree collects. Names are resolved to the function that declares them
   * (a {@code const}/{@code let}/{@code var} or parameter in JavaScript, an assignment or parameter
   * in Python, minus {@code global}/{@code nonlocal} names), else to the file's top level, so two
   * functions' locals with the same name do not share taint. A name declared nowhere is global to
   * the file, which over-approximates on purpose.
   */
  static final class Facts {
    private static final Set<String> JS_FUNCTIONS = Set.of("function_declaration", "function_expression",
        "function", "arrow_function", "method_definition", "generator_function_declaration",
        "generator_function");
    private static final Set<String> PY_FUNCTIONS = Set.of("function_definition", "lambda");
    private static final int[] TOP = new int[0];

    final boolean python;
    final List<Call> calls = new ArrayList<>();
    final List<Assign> assigns = new ArrayList<>();
    private final List<RawCall> rawCalls = new ArrayList<>();
    private final List<RawAssign> rawAssigns = new ArrayList<>();
    private final Map<Integer, Set<String>> declared = new HashMap<>();
    private final Map<Integer, Set<String>> notLocal = new HashMap<>();
    /** Bare JavaScript process names ({@code exec}, {@code spawn}) bound in the file to local code. */
    private final Set<String> localBound = new java.util.HashSet<>();
    /** The same names bound to anything that may be a child process function. */
    private final Set<String> processBound = new java.util.HashSet<>();
    /** Names bound to a loaded module, and the bindings of process names to judge once all are known. */
    private final Set<String> modules = new java.util.HashSet<>();
    private final List<Map.Entry<String, String>> pendingBindings = new ArrayList<>();
    boolean chmod;
    /** Whether the file may name a wallet secret at all; when not, no direct texts are worked out. */
    private boolean wallet;

    Facts(boolean python) {
      this.python = python;
    }

    static Facts collect(SyntaxTree tree, boolean python, Budget budget) {
      Facts f = new Facts(python);
      f.wallet = Sources.mayHold(tree.text(tree.root()), Sources.Kind.WALLET_SECRET);
      Deque<Frame> stack = new ArrayDeque<>();
      stack.push(new Frame(tree.root(), TOP));
      int visited = 0;
      while (!stack.isEmpty()) {
        if (++visited > MAX_NODES) {
          break; // the facts of the first MAX_NODES nodes
        }
        if (visited % 1024 == 0 && budget.tick()) {
          return null;
        }
        Frame fr = stack.pop();
        TSNode n = fr.node();
        int[] inner = fr.chain();
        if (f.isFunction(n.getType())) {
          inner = push(fr.chain(), scopeId(n));
          f.declareParams(tree, n, inner);
        }
        f.visit(tree, n, fr.chain());
        int count = n.getChildCount();
        for (int i = count - 1; i >= 0; i--) {
          stack.push(new Frame(n.getChild(i), inner));
        }
      }
      f.resolve();
      return f;
    }

    /**
     * Sink kinds of a callee in this file. A bare JavaScript {@code exec(…)} is a process sink
     * unless every binding of {@code exec} in the file is local code that cannot be a child process
     * function: a function declared here, or a value such as {@code uncurryThis(re.exec)} that
     * neither loads a module nor reads a process object ({@code const exec = uncurryThis(/./.exec)}
     * in core-js is a regular expression method). Names bound nowhere, destructured, imported or
     * aliased stay sinks.
     */
    Set<Sinks.Kind> sinks(String callee, boolean procOrChmod) {
      Set<Sinks.Kind> kinds = Sinks.of(callee, python, procOrChmod);
      if (kinds.contains(Sinks.Kind.PROCESS) && localBound.contains(callee) && !processBound.contains(callee)) {
        kinds.remove(Sinks.Kind.PROCESS);
      }
      return kinds;
    }

    /**
     * Records what a bare process name ({@code exec = …}, {@code function exec}) is bound to, and
     * the names bound to loaded modules ({@code const child = require(…)}), whose members may be
     * child process functions.
     */
    private void bind(SyntaxTree tree, TSNode name, TSNode value) {
      if (python || name == null || name.isNull() || value == null || value.isNull()) {
        return; // `let exec;` binds nothing yet
      }
      String valueText = tree.text(value);
      if (valueText.contains("require") || valueText.contains("import")) {
        modules.addAll(Identifiers.of(tree.text(name)));
      }
      if (!name.getType().equals("identifier")) {
        for (String id : Identifiers.of(tree.text(name))) {
          if (Sinks.bareProcessName(id)) {
            processBound.add(id); // destructured: const { exec } = require(…)
          }
        }
        return;
      }
      String id = tree.text(name);
      if (Sinks.bareProcessName(id)) {
        if (value.getType().equals("identifier")) {
          processBound.add(id); // an alias of something else
        } else {
          pendingBindings.add(Map.entry(id, valueText));
        }
      }
    }

    private boolean isFunction(String type) {
      return python ? PY_FUNCTIONS.contains(type) : JS_FUNCTIONS.contains(type);
    }

    private static int[] push(int[] chain, int id) {
      int[] out = java.util.Arrays.copyOf(chain, chain.length + 1);
      out[chain.length] = id;
      return out;
    }

    private void declareParams(SyntaxTree tree, TSNode fn, int[] chain) {
      declare(chain, params(tree, fn));
    }

    /** The parameter names of a function node ({@code (a, b) =>}, {@code a =>}, {@code def f(a)}). */
    private static Set<String> params(SyntaxTree tree, TSNode fn) {
      TSNode params = fn.getChildByFieldName("parameters");
      if (params == null || params.isNull()) {
        params = fn.getChildByFieldName("parameter");
      }
      return params == null || params.isNull() ? Set.of() : Identifiers.of(tree.text(params));
    }

    /** A function's scope id: its start byte + 1, so that 0 never names a scope. */
    private static int scopeId(TSNode fn) {
      return fn.getStartByte() + 1;
    }

    private void declare(int[] chain, Set<String> names) {
      if (chain.length > 0) {
        declared.computeIfAbsent(chain[chain.length - 1], k -> new java.util.HashSet<>()).addAll(names);
      }
    }

    /** {@code chain}: the functions enclosing {@code n}, outermost first (see {@link #scopeId}). */
    private void visit(SyntaxTree tree, TSNode n, int[] chain) {
      switch (n.getType()) {
        case "variable_declarator" -> {
          TSNode name = n.getChildByFieldName("name");
          if (name != null && !name.isNull()) {
            declare(chain, Identifiers.of(tree.text(name)));
          }
          bind(tree, name, n.getChildByFieldName("value"));
          assign(tree, name, n.getChildByFieldName("value"), chain);
        }
        case "function_declaration" -> {
          TSNode name = n.getChildByFieldName("name");
          if (!python && name != null && !name.isNull() && Sinks.bareProcessName(tree.text(name))) {
            pendingBindings.add(Map.entry(tree.text(name), tree.text(n)));
          }
        }
        case "assignment_expression", "augmented_assignment_expression" -> {
          bind(tree, n.getChildByFieldName("left"), n.getChildByFieldName("right"));
          assign(tree, n.getChildByFieldName("left"), n.getChildByFieldName("right"), chain);
        }
        case "import_clause" -> {
          for (String id : Identifiers.of(tree.text(n))) {
            if (!python) {
              modules.add(id);
              if (Sinks.bareProcessName(id)) {
                processBound.add(id);
              }
            }
          }
        }
        case "assignment", "augmented_assignment" -> {
          TSNode left = n.getChildByFieldName("left");
          if (left != null && !left.isNull() && !tree.text(left).contains(".") && !tree.text(left).contains("[")) {
            declare(chain, Identifiers.of(tree.text(left)));
          }
          assign(tree, left, n.getChildByFieldName("right"), chain);
        }
        case "as_pattern" -> {
          TSNode alias = n.getChildByFieldName("alias");
          if (alias != null && !alias.isNull()) {
            declare(chain, Identifiers.of(tree.text(alias)));
          }
          assign(tree, alias, n.getChild(0), chain);
        }
        case "global_statement", "nonlocal_statement" -> {
          if (chain.length > 0) {
            notLocal.computeIfAbsent(chain[chain.length - 1], k -> new java.util.HashSet<>())
                .addAll(Identifiers.of(tree.text(n)));
          }
        }
        case "call_expression", "call", "new_expression" -> call(tree, n, chain);
        default -> { }
      }
    }

    private void assign(SyntaxTree tree, TSNode left, TSNode right, int[] chain) {
      if (left == null || right == null || left.isNull() || right.isNull()) {
        return;
      }
      // `a = b = value`: the value of both names is the innermost right side
      for (int hops = 0; hops < 16 && right.getType().equals("assignment_expression"); hops++) {
        TSNode inner = right.getChildByFieldName("right");
        if (inner == null || inner.isNull()) {
          break;
        }
        right = inner;
      }
      if (right.getType().equals("class") || right.getType().equals("class_expression")) {
        return;
      }
      // `F.install = function () { … '.env' … }` binds code, not data: what the body reads is
      // judged by the body's own assignments and calls, and the name it is bound to (often a
      // framework's global object) carries only what the function returns
      String value = isFunction(right.getType()) ? returned(tree, right) : tree.text(right);
      if (value.isEmpty()) {
        return;
      }
      // a function's returned names resolve in the function's own scope first
      int[] idChain = isFunction(right.getType()) ? push(chain, scopeId(right)) : chain;
      rawAssigns.add(new RawAssign(targets(tree, left), chain, Sources.in(value),
          Identifiers.of(value), directIdentifiers(value), idChain));
    }

    /** Global objects: a property set on one of them is a global variable of its own name. */
    private static final Set<String> GLOBAL_OBJECTS = Set.of("global", "globalThis", "window", "self");

    /**
     * The names an assignment's left side binds. A destructuring pattern binds every name in it; a
     * property or element ({@code obj.x = v}, {@code obj[key] = v}) makes its root object carry the
     * value, while the key only selects where it goes; {@code global.X = v} (or {@code window.X})
     * binds the global variable X, not the global object every module reads.
     */
    private Set<String> targets(SyntaxTree tree, TSNode left) {
      String type = left.getType();
      boolean member = type.equals("member_expression") || type.equals("subscript_expression")
          || type.equals("attribute") || type.equals("subscript");
      if (!member) {
        return Identifiers.of(tree.text(left));
      }
      TSNode n = left;
      TSNode below = null;
      for (int hops = 0; hops < 64; hops++) {
        TSNode obj = n.getChildByFieldName(n.getType().equals("subscript") ? "value" : "object");
        if (obj == null || obj.isNull()) {
          break;
        }
        below = n;
        n = obj;
        String t = n.getType();
        if (!(t.equals("member_expression") || t.equals("subscript_expression") || t.equals("attribute")
            || t.equals("subscript") || t.equals("parenthesized_expression"))) {
          break;
        }
      }
      if (!n.getType().equals("identifier")) {
        return Set.of();
      }
      String root = tree.text(n);
      if (!python && GLOBAL_OBJECTS.contains(root) && below != null && below.getType().equals("member_expression")) {
        TSNode prop = below.getChildByFieldName("property");
        return prop == null || prop.isNull() ? Set.of() : Set.of(tree.text(prop));
      }
      return Set.of(root);
    }

    /**
     * What a function value gives back: an arrow's or lambda's expression body, else the text of
     * the return statements of its own body (nested functions are their own values). The walk
     * stops at nested functions, so each node is read here at most once more than by the file's
     * walk.
     */
    private String returned(SyntaxTree tree, TSNode fn) {
      TSNode body = fn.getChildByFieldName("body");
      if (body == null || body.isNull()) {
        return "";
      }
      if (!body.getType().equals("statement_block") && !body.getType().equals("block")) {
        return tree.text(body);
      }
      StringBuilder out = new StringBuilder();
      Deque<TSNode> stack = new ArrayDeque<>();
      stack.push(body);
      while (!stack.isEmpty()) {
        TSNode n = stack.pop();
        if (n.getType().equals("return_statement")) {
          out.append(tree.text(n)).append('\n');
          continue;
        }
        for (int i = n.getChildCount() - 1; i >= 0; i--) {
          TSNode c = n.getChild(i);
          if (!isFunction(c.getType())) {
            stack.push(c);
          }
        }
      }
      return out.toString();
    }

    private void call(SyntaxTree tree, TSNode n, int[] chain) {
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
      rawCalls.add(new RawCall(callee, Sources.in(argText), ids, directIdentifiers(argText), constantArgs(args),
          chain, tree.startChar(n), tree.endChar(n)));
      Set<Sources.Kind> calleeSources = Sources.in(callee);
      String base = Identifiers.base(callee);
      if (calleeSources.isEmpty() && base.isEmpty()) {
        return;
      }
      // Parameters of callbacks inherit what the callee reads (fetch → response) or its base; they
      // belong to the callback's own scope when the callback is written in the argument list.
      Set<String> baseIds = base.isEmpty() ? Set.of() : Set.of(base);
      boolean found = false;
      int count = args == null || args.isNull() ? 0 : args.getChildCount();
      for (int i = 0; i < count; i++) {
        TSNode a = args.getChild(i);
        Set<String> names = isFunction(a.getType()) ? params(tree, a) : Set.of();
        if (!names.isEmpty()) {
          rawAssigns.add(new RawAssign(names, push(chain, scopeId(a)), calleeSources, baseIds, Set.of(), chain));
          found = true;
        }
      }
      if (!found) {
        Set<String> params = Identifiers.callbackParams(argText);
        if (!params.isEmpty()) {
          rawAssigns.add(new RawAssign(params, chain, calleeSources, baseIds, Set.of(), chain));
        }
      }
    }

    /** The names of a fragment's direct text (see {@link WalletSecrets#direct}); none in a file without a secret's name. */
    private Set<String> directIdentifiers(String fragment) {
      return wallet ? Identifiers.of(WalletSecrets.direct(fragment)) : Set.of();
    }

    /**
     * Adds to {@code out} the kinds that reach through these names: every kind but
     * {@code wallet-secret} through any name of the fragment, {@code wallet-secret} only through the
     * names of its direct text.
     */
    static void reach(Set<Sources.Kind> out, Set<String> identifiers, Set<String> direct,
        Map<String, Set<Sources.Kind>> taint) {
      for (String id : identifiers) {
        for (Sources.Kind k : taint.getOrDefault(id, Set.of())) {
          if (k != Sources.Kind.WALLET_SECRET) {
            out.add(k);
          }
        }
      }
      for (String id : direct) {
        if (taint.getOrDefault(id, Set.of()).contains(Sources.Kind.WALLET_SECRET)) {
          out.add(Sources.Kind.WALLET_SECRET);
        }
      }
    }

    /**
     * Whether every argument is a string literal with no substitution (JavaScript {@code "…"},
     * {@code '…'} or a template without {@code ${…}}; a Python string that is not an f-string
     * with fields): a constant, which no value can reach.
     */
    private static boolean constantArgs(TSNode args) {
      if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
        return false;
      }
      for (int i = 0; i < args.getNamedChildCount(); i++) {
        TSNode a = args.getNamedChild(i);
        String t = a.getType();
        if (t.equals("comment")) {
          continue;
        }
        if (!(t.equals("string") || t.equals("template_string")) || hasChild(a, "template_substitution")
            || hasChild(a, "interpolation")) {
          return false;
        }
      }
      return true;
    }

    private static boolean hasChild(TSNode n, String type) {
      for (int i = 0; i < n.getNamedChildCount(); i++) {
        if (n.getNamedChild(i).getType().equals(type)) {
          return true;
        }
      }
      return false;
    }

    /** Resolves every name to the innermost enclosing function that declares it, else the top level. */
    private void resolve() {
      for (Map.Entry<String, String> b : pendingBindings) {
        (Sinks.mayStartProcess(b.getValue(), modules) ? processBound : localBound).add(b.getKey());
      }
      pendingBindings.clear();
      for (RawAssign a : rawAssigns) {
        assigns.add(new Assign(keys(a.names(), a.namesChain()), a.sources(), keys(a.identifiers(), a.chain()),
            keys(a.direct(), a.chain())));
      }
      for (RawCall c : rawCalls) {
        calls.add(new Call(c.callee(), c.argSources(), keys(c.argIdentifiers(), c.chain()),
            keys(c.directArgIdentifiers(), c.chain()), c.constantArgs(),
            c.start(), c.end()));
      }
      rawAssigns.clear();
      rawCalls.clear();
    }

    private Set<String> keys(Set<String> names, int[] chain) {
      if (names.isEmpty()) {
        return Set.of();
      }
      Set<String> out = new java.util.LinkedHashSet<>();
      for (String name : names) {
        out.add(key(name, chain));
      }
      return out;
    }

    private String key(String name, int[] chain) {
      for (int i = chain.length - 1; i >= 0; i--) {
        int id = chain[i];
        if (declared.getOrDefault(id, Set.of()).contains(name) && !notLocal.getOrDefault(id, Set.of()).contains(name)) {
          return id + ":" + name;
        }
      }
      return name;
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
          reach(k, a.identifiers, a.direct, taint);
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
