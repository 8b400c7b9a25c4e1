package dev.bulwark.analysis.heuristics;

import com.google.re2j.Pattern;
import dev.bulwark.analysis.parse.SyntaxTree;
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
 * The calls of one Python file that run when the file is run or imported: module-level statements
 * (through if/try/with/for/while blocks, not into function bodies), the bodies of functions those
 * statements call or hand over as callbacks, constructors of classes they instantiate, and, for
 * setup.py, every method of a class the module level refers to (command classes given to
 * {@code cmdclass} run during {@code pip install}). Names are resolved by text inside the file
 * only, which over-approximates on purpose. Work is bounded by node and call counts.
 */
final class PySurface {
  /** One call that runs on import or install. */
  record Call(String callee, TSNode node, TSNode firstArg, String argsText) {}

  /**
   * One imported module anywhere in the file: the module as written ({@code .x}, {@code a.b});
   * for {@code from m import a as b} the names taken (a) and what they are bound to (b); for
   * {@code import a.b as c} the name it is bound to (c, or a.b without alias).
   */
  record Import(String module, boolean fromImport, Map<String, String> names, String bound, String text) {
    Import {
      names = Map.copyOf(names);
    }
  }

  static final int MAX_NODES = 200_000;
  static final int MAX_CALLS = 4_000;

  private final SyntaxTree tree;
  private final boolean installScript;
  private final Map<String, List<TSNode>> functions = new HashMap<>();
  private final Map<String, List<TSNode>> classes = new HashMap<>();
  private final Map<String, List<String>> assigned = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Set<Integer> queued = new HashSet<>();
  private final Deque<TSNode> work = new ArrayDeque<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Import> importList = new ArrayList<>();
  private final Set<String> referenced = new HashSet<>();
  private final Set<String> called = new HashSet<>();
  /** Names bound to an alias or a table: the last part of the bound name, then what it names. */
  private final Map<String, Set<String>> boundTo = new HashMap<>();
  private int visited;
  /** Whether the file calls a decoder: computed on first use, see {@link #decodes()}. */
  private Boolean decodes;
  /** A followed sibling module: lambdas and {@code self.} methods are not assumed to run. */
  private boolean followed;

  private PySurface(SyntaxTree tree, boolean installScript) {
    this.tree = tree;
    this.installScript = installScript;
  }

  /**
   * The executed calls of a parsed file.
   *
   * @param installScript true for setup.py, which runs as {@code __main__} and whose command
   *     classes run during installation
   */
  static PySurface of(SyntaxTree tree, boolean installScript) {
    return of(tree, installScript, Set.of(), false, false);
  }

  /**
   * The executed calls of a module imported by an install script or a package's __init__.py: its
   * module level, plus the named functions and classes the importer calls or refers to.
   *
   * @param entries names the importer takes from this module and uses in its own executed code
   * @param allMethods true when the importer is setup.py, whose command classes run every method
   * @param followed true for a sibling module reached through an import: lambdas, methods called
   *     through {@code self.}, functions only named (not called) and functions not at module level
   *     are not assumed to run
   */
  static PySurface of(SyntaxTree tree, boolean installScript, Set<String> entries, boolean allMethods,
      boolean followed) {
    return of(tree, installScript, entries, allMethods, followed, false);
  }

  /** As above; {@code byWalk} makes the first pass walk node by node whatever the tree's size (for tests). */
  static PySurface of(SyntaxTree tree, boolean installScript, Set<String> entries, boolean allMethods,
      boolean followed, boolean byWalk) {
    PySurface s = new PySurface(tree, installScript);
    s.followed = followed;
    if (byWalk) {
      s.walkDefinitions(tree.root());
    } else {
      s.collectDefinitions(tree.root());
    }
    for (String e : entries) {
      s.queueFunctions(e);
      for (TSNode cls : s.classes.getOrDefault(e, List.of())) {
        s.queueMethodsNamed(cls, allMethods ? Set.of() : Set.of("__init__", "__new__"));
      }
    }
    s.work.push(tree.root());
    while (!s.work.isEmpty() && s.visited < MAX_NODES && s.calls.size() < MAX_CALLS) {
      s.walk(s.work.pop());
    }
    return s;
  }

  List<Call> calls() {
    return calls;
  }

  /** Whether this is install-time code (setup.py or what it reaches), not import-time code. */
  boolean installScript() {
    return installScript;
  }

  SyntaxTree tree() {
    return tree;
  }

  /** The file's import statements, in order (at most 64). */
  List<Import> imports() {
    return importList;
  }

  /**
   * Whether executed code calls this plain or dotted name, or (with {@code orRefers}) names it
   * without calling it, as {@code cmdclass={"install": C}} or {@code Thread(target=f)} do.
   */
  boolean uses(String name, boolean orRefers) {
    return called.contains(name) || orRefers && referenced.contains(name);
  }

  /** The last parts of dotted calls in executed code that start with {@code prefix} ("mod."). */
  Set<String> usedUnder(String prefix) {
    Set<String> out = new HashSet<>();
    for (String r : called) {
      if (r.startsWith(prefix) && r.indexOf('.', prefix.length()) < 0 && r.length() > prefix.length()) {
        out.add(r.substring(prefix.length()));
      }
    }
    return out;
  }

  /** The plain and dotted names executed code calls (for {@link PyImportFollow}'s per-package memo). */
  Set<String> calledNames() {
    return called;
  }

  /** The names executed code refers to without calling them. */
  Set<String> referencedNames() {
    return referenced;
  }

  /**
   * Whether the file calls a decoder (base64, zlib, marshal, …) anywhere. Computed on first use:
   * only a started program with a computed command asks, and the answer is a pass of a
   * case-insensitive alternation over the whole text.
   */
  boolean decodes() {
    if (decodes == null) {
      decodes = PyBehaviour.decodes(tree.text(tree.root()));
    }
    return decodes;
  }

  /** Right-hand sides assigned to a plain name anywhere in the file (at most 8). */
  List<String> assignedTo(String name) {
    return assigned.getOrDefault(norm(name), List.of());
  }

  /**
   * Everything the walk found, as text (calls with their node's start, imports, names, the
   * definitions the first pass collected with their starts): for tests that compare two walks.
   */
  String dump() {
    StringBuilder b = new StringBuilder();
    for (Call c : calls) {
      b.append("call ").append(c.callee()).append(' ').append(c.node().getStartByte()).append(' ')
          .append(c.firstArg() == null ? -1 : c.firstArg().getStartByte()).append(' ').append(c.argsText()).append('\n');
    }
    importList.forEach(i -> b.append("import ").append(i).append('\n'));
    b.append("called ").append(new java.util.TreeSet<>(called)).append('\n');
    b.append("referenced ").append(new java.util.TreeSet<>(referenced)).append('\n');
    b.append("aliases ").append(new java.util.TreeMap<>(aliases)).append('\n');
    b.append("assigned ").append(new java.util.TreeMap<>(assigned)).append('\n');
    for (Map<String, List<TSNode>> defs : List.of(functions, classes)) {
      new java.util.TreeMap<>(defs).forEach((k, v) -> b.append("def ").append(k).append(' ')
          .append(v.stream().map(TSNode::getStartByte).toList()).append('\n'));
    }
    b.append("bound ");
    new java.util.TreeMap<>(boundTo).forEach((k, v) -> b.append(k).append("=").append(new java.util.TreeSet<>(v)).append(" "));
    b.append('\n');
    b.append("queued ").append(new java.util.TreeSet<>(queued)).append(" visited ").append(visited).append('\n');
    return b.toString();
  }

  /** The node types the first pass looks at, one query pattern each (see {@link #define}). */
  private static final String[] DEFINITION_TYPES = {"function_definition", "class_definition", "assignment",
      "augmented_assignment", "import_statement", "import_from_statement"};
  private static final String DEFINITIONS = String.join(" ",
      java.util.Arrays.stream(DEFINITION_TYPES).map(t -> "(" + t + ") @d").toList());

  /**
   * First pass: functions, classes, assignments and import aliases anywhere in the file, in tree
   * order, within the first {@link #MAX_NODES} nodes. A tree of at most that many nodes (counted
   * with cursor moves) is searched by a tree-sitter query, which hands over only these nodes; a
   * larger one is walked node by node, as far as the bound.
   */
  private void collectDefinitions(TSNode root) {
    if (tree.countNodes(MAX_NODES) <= MAX_NODES) {
      for (SyntaxTree.NodeMatch m : tree.matches(DEFINITIONS)) {
        define(m.node(), DEFINITION_TYPES[m.pattern()]);
      }
      return;
    }
    walkDefinitions(root);
  }

  /** The first pass node by node: the first {@link #MAX_NODES} nodes in tree order. */
  void walkDefinitions(TSNode root) {
    Deque<TSNode> stack = new ArrayDeque<>();
    stack.push(root);
    int n = 0;
    while (!stack.isEmpty() && n++ < MAX_NODES) {
      TSNode node = stack.pop();
      define(node, node.getType());
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        stack.push(node.getChild(i));
      }
    }
  }

  private void define(TSNode node, String type) {
    switch (type) {
      case "function_definition" -> {
        if (!followed || topLevel(node)) {
          remember(functions, node);
        }
      }
      case "class_definition" -> remember(classes, node);
      case "assignment", "augmented_assignment" -> assignment(node);
      case "import_statement", "import_from_statement" -> imports(node);
      default -> { }
    }
  }

  /** A module-level function (decorated or not): the only ones a followed module runs by name. */
  private static boolean topLevel(TSNode def) {
    TSNode p = def.getParent();
    if (p != null && !p.isNull() && p.getType().equals("decorated_definition")) {
      p = p.getParent();
    }
    return p != null && !p.isNull() && p.getType().equals("module");
  }

  private void remember(Map<String, List<TSNode>> into, TSNode def) {
    TSNode name = def.getChildByFieldName("name");
    if (name != null && !name.isNull()) {
      into.computeIfAbsent(norm(tree.text(name)), k -> new ArrayList<>()).add(def);
    }
  }

  private void assignment(TSNode node) {
    TSNode left = node.getChildByFieldName("left");
    TSNode right = node.getChildByFieldName("right");
    if (left == null || right == null || left.isNull() || right.isNull() || !left.getType().equals("identifier")) {
      return;
    }
    List<String> list = assigned.computeIfAbsent(norm(tree.text(left)), k -> new ArrayList<>());
    if (list.size() < 8) {
      String t = tree.text(right);
      list.add(t.length() > 4000 ? t.substring(0, 4000) : t);
    }
  }

  private void imports(TSNode node) {
    boolean from = node.getType().equals("import_from_statement");
    TSNode module = from ? node.getChildByFieldName("module_name") : null;
    String prefix = module == null || module.isNull() ? "" : tree.text(module) + ".";
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      TSNode c = node.getNamedChild(i);
      if (module != null && !module.isNull() && c.getStartByte() == module.getStartByte()) {
        continue;
      }
      if (c.getType().equals("aliased_import")) {
        TSNode name = c.getChildByFieldName("name");
        TSNode alias = c.getChildByFieldName("alias");
        if (name != null && alias != null && !name.isNull() && !alias.isNull()) {
          aliases.put(norm(tree.text(alias)), norm(prefix + tree.text(name)));
          if (from) {
            names.put(norm(tree.text(name)), norm(tree.text(alias)));
          } else {
            addImport(norm(tree.text(name)), false, Map.of(), norm(tree.text(alias)), node);
          }
        }
      } else if (c.getType().equals("dotted_name")) {
        String full = tree.text(c);
        if (from) {
          aliases.put(norm(full), norm(prefix + full));
          names.put(norm(full), norm(full));
        } else {
          addImport(norm(full), false, Map.of(), norm(full), node);
        }
      }
    }
    if (from && module != null && !module.isNull()) {
      addImport(norm(tree.text(module)), true, names, "", node);
    }
  }

  private void addImport(String module, boolean from, Map<String, String> names, String bound, TSNode node) {
    if (importList.size() < 64 && names.size() < 64) {
      String t = tree.text(node);
      importList.add(new Import(module.replace(" ", ""), from, names, bound.replace(" ", ""),
          t.length() > 200 ? t.substring(0, 200) : t));
    }
  }

  /** Walks executed code: no function bodies, except those reached through calls or callbacks. */
  private void walk(TSNode n) {
    Deque<TSNode> stack = new ArrayDeque<>();
    stack.push(n);
    while (!stack.isEmpty() && visited++ < MAX_NODES && calls.size() < MAX_CALLS) {
      TSNode node = stack.pop();
      String type = node.getType();
      if (node != n && (type.equals("function_definition") || type.equals("decorated_definition")
          && !isClassDecorated(node))) {
        continue;
      }
      if (followed && type.equals("lambda")) {
        continue;
      }
      if (type.equals("class_definition")) {
        if (installScript && commandClass(node)) {
          queueMethods(node);
        }
        pushField(stack, node, "body");
        pushField(stack, node, "superclasses");
        continue;
      }
      if (installScript && (type.equals("if_statement") || type.equals("elif_clause"))
          && MaintainerGuard.holdsOnlyOutsideInstall(node.getChildByFieldName("condition"), tree)) {
        // `if sys.argv[-1] == "publish":` runs only for a maintainer's own setup.py command
        for (int i = node.getChildCount() - 1; i >= 0; i--) {
          TSNode c = node.getChild(i);
          if (c.getType().equals("elif_clause") || c.getType().equals("else_clause")) {
            stack.push(c);
          }
        }
        continue;
      }
      if (type.equals("if_statement") && !installScript && mainGuard(node)) {
        TSNode alt = node.getChildByFieldName("alternative");
        if (alt != null && !alt.isNull()) {
          stack.push(alt);
        }
        continue;
      }
      if (type.startsWith("import") || type.equals("future_import_statement")) {
        continue;
      }
      if (type.equals("assignment") && !installScript) {
        // `IsFree = is_free` or a class's `_handlers = {A: _on_a}`: names bound to other names or
        // put in a table run nothing on import (setup.py keeps its cmdclass tables: see reference);
        // they run when the alias or the table is called or handed on (see boundTo)
        Optional<Set<String>> named = aliasNames(node.getChildByFieldName("right"));
        if (named.isPresent()) {
          bind(node.getChildByFieldName("left"), named.get());
          continue;
        }
      }
      if (type.equals("keyword_argument")) {
        pushField(stack, node, "value");
        continue;
      }
      if (type.equals("attribute")) {
        // obj.name: only the object is a reference to a local name
        pushField(stack, node, "object");
        continue;
      }
      if (type.equals("call")) {
        call(node);
      } else if (type.equals("identifier")) {
        reference(norm(tree.text(node)));
      }
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        stack.push(node.getChild(i));
      }
    }
  }

  private void bind(TSNode left, Set<String> names) {
    if (left == null || left.isNull() || boundTo.size() >= 2_000) {
      return;
    }
    String l = norm(tree.text(left));
    if (l.length() <= 200) {
      boundTo.computeIfAbsent(l.substring(l.lastIndexOf('.') + 1), k -> new HashSet<>()).addAll(names);
    }
  }

  /** What an alias or a table named by {@code callee} ({@code run}, {@code handlers["a"]}) names. */
  private Set<String> bound(String callee) {
    String base = callee;
    int cut = base.indexOf('[');
    if (cut >= 0) {
      base = base.substring(0, cut);
    }
    base = base.strip();
    return boundTo.getOrDefault(base.substring(base.lastIndexOf('.') + 1), Set.of());
  }

  /** Node types an alias or a table of names may be built from without running anything. */
  private static final Set<String> ALIAS_PARTS = Set.of("identifier", "attribute", "dictionary", "pair",
      "list", "tuple", "set", "string", "string_start", "string_content", "string_end", "integer",
      "float", "true", "false", "none", "concatenated_string", "expression_list", "parenthesized_expression",
      "escape_sequence");

  /**
   * The names an assignment's value refers to when it only names things: a name, a dotted name
   * (its first part counts), or a literal table of names and constants; empty when the value is
   * code (a call, an operator, a lambda …) or larger than 2,000 nodes.
   */
  private Optional<Set<String>> aliasNames(TSNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    Set<String> names = new HashSet<>();
    Deque<TSNode> todo = new ArrayDeque<>();
    todo.push(value);
    int seen = 0;
    while (!todo.isEmpty()) {
      TSNode n = todo.pop();
      String type = n.getType();
      if (++seen > 2_000 || !ALIAS_PARTS.contains(type)) {
        return Optional.empty();
      }
      if (type.equals("identifier")) {
        if (names.size() < 256) {
          names.add(norm(tree.text(n)));
        }
      } else if (type.equals("attribute")) {
        pushField(todo, n, "object");
      } else {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
          todo.push(n.getNamedChild(i));
        }
      }
    }
    return Optional.of(names);
  }

  private static void pushField(Deque<TSNode> stack, TSNode node, String field) {
    TSNode c = node.getChildByFieldName(field);
    if (c != null && !c.isNull()) {
      stack.push(c);
    }
  }

  private boolean isClassDecorated(TSNode node) {
    TSNode def = node.getChildByFieldName("definition");
    return def != null && !def.isNull() && def.getType().equals("class_definition");
  }

  private void call(TSNode node) {
    TSNode fn = node.getChildByFieldName("function");
    TSNode args = node.getChildByFieldName("arguments");
    if (fn == null || fn.isNull()) {
      return;
    }
    String raw = norm(tree.text(fn));
    if (raw.length() > 300) {
      return;
    }
    TSNode first = null;
    String argsText = "";
    if (args != null && !args.isNull()) {
      argsText = tree.text(args);
      for (int i = 0; i < args.getNamedChildCount(); i++) {
        TSNode a = args.getNamedChild(i);
        if (!a.getType().equals("comment")) {
          first = a.getType().equals("keyword_argument") ? a.getChildByFieldName("value") : a;
          break;
        }
      }
    }
    calls.add(new Call(resolve(raw), node, first, argsText));
    if (followed && raw.startsWith("self.")) {
      return;
    }
    String simple = raw.startsWith("self.") ? raw.substring(5) : raw;
    if (called.size() < 2_000) {
      int dot = simple.indexOf('.');
      called.add(dot < 0 ? simple : simple.substring(0, dot));
      called.add(simple);
    }
    for (String target : bound(simple)) {
      // calling an alias or an entry of a table calls what it names
      queueFunctions(target);
    }
    if (simple.indexOf('.') < 0) {
      queueFunctions(simple);
      for (TSNode cls : classes.getOrDefault(simple, List.of())) {
        // a followed library module's instances are created, not necessarily called or run
        queueMethodsNamed(cls, followed ? Set.of("__init__", "__new__") : Set.of("__init__", "__new__", "__call__", "run"));
      }
    }
  }

  /** A function or class named in executed code (a callback, a cmdclass entry) runs later. */
  private void reference(String name) {
    if (referenced.size() < 2_000) {
      referenced.add(name);
    }
    if (followed) {
      return;  // a library module names its functions in tables and hooks; only calls count there
    }
    queueFunctions(name);
    for (String target : boundTo.getOrDefault(name, Set.of())) {
      if (!target.equals(name) && referenced.size() < 2_000 && referenced.add(target)) {
        queueFunctions(target);
      }
    }
    if (installScript) {
      for (TSNode cls : classes.getOrDefault(name, List.of())) {
        if (!maintainerCommand(cls)) {
          queueMethods(cls); // a cmdclass entry, a callback class
        }
      }
    }
  }

  private void queueFunctions(String name) {
    for (TSNode def : functions.getOrDefault(name, List.of())) {
      queueBody(def);
    }
  }

  private void queueMethods(TSNode cls) {
    queueMethodsNamed(cls, Set.of());
  }

  private void queueMethodsNamed(TSNode cls, Set<String> names) {
    TSNode body = cls.getChildByFieldName("body");
    if (body == null || body.isNull()) {
      return;
    }
    for (int i = 0; i < body.getNamedChildCount(); i++) {
      TSNode m = body.getNamedChild(i);
      if (m.getType().equals("decorated_definition")) {
        m = m.getChildByFieldName("definition");
      }
      if (m == null || m.isNull() || !m.getType().equals("function_definition")) {
        continue;
      }
      TSNode name = m.getChildByFieldName("name");
      if (names.isEmpty() || name != null && !name.isNull() && names.contains(tree.text(name))) {
        queueBody(m);
      }
    }
  }

  private void queueBody(TSNode def) {
    if (queued.size() < 400 && queued.add(def.getStartByte())) {
      TSNode body = def.getChildByFieldName("body");
      if (body != null && !body.isNull()) {
        work.push(body);
      }
    }
  }

  /** A class that subclasses a setuptools/distutils command (install, develop, build_py, …). */
  private boolean commandClass(TSNode cls) {
    TSNode sup = cls.getChildByFieldName("superclasses");
    if (sup == null || sup.isNull()) {
      return false;
    }
    return stepSubclass(tree.text(sup)) || tree.text(sup).contains("Command") && registeredForInstall(cls);
  }

  private static boolean stepSubclass(String superclasses) {
    for (String c : new String[] {"install", "develop", "egg_info", "build", "sdist", "bdist"}) {
      if (superclasses.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A bare {@code Command} subclass (docs, tests, a release helper) that is not registered under
   * an install step's name: it runs only when someone types its own setup.py command.
   */
  private boolean maintainerCommand(TSNode cls) {
    TSNode sup = cls.getChildByFieldName("superclasses");
    if (sup == null || sup.isNull()) {
      return false;
    }
    String s = tree.text(sup);
    return s.contains("Command") && !stepSubclass(s) && !registeredForInstall(cls);
  }

  private static final Pattern INSTALL_STEP = Pattern.compile(
      "^(?:install\\w*|develop|egg_info|dist_info|build\\w*|bdist\\w*|sdist|editable_wheel)$");

  /**
   * Whether the file maps an install-time command name to the class: {@code "install": C} in a
   * dict, {@code cmdclass["build_py"] = C}, or {@code dict(develop=C)}. Read from the tree's
   * {@code pair} and {@code keyword_argument} nodes and subscript assignments; bounded by the
   * same node budget as the walk.
   */
  private final Map<Integer, Boolean> registered = new HashMap<>();

  private boolean registeredForInstall(TSNode cls) {
    // once per class: a class may be named many times, each reference asks
    return registered.computeIfAbsent(cls.getStartByte(), k -> registeredForInstallUncached(cls));
  }

  private boolean registeredForInstallUncached(TSNode cls) {
    TSNode nameNode = cls.getChildByFieldName("name");
    if (nameNode == null || nameNode.isNull()) {
      return false;
    }
    String name = tree.text(nameNode);
    Deque<TSNode> stack = new ArrayDeque<>();
    stack.push(tree.root());
    int seen = 0;
    while (!stack.isEmpty() && seen++ < MAX_NODES) {
      TSNode n = stack.pop();
      String type = n.getType();
      TSNode key = null;
      TSNode value = null;
      if (type.equals("pair")) {
        key = n.getChildByFieldName("key");
        value = n.getChildByFieldName("value");
      } else if (type.equals("keyword_argument")) {
        key = n.getChildByFieldName("name");
        value = n.getChildByFieldName("value");
      } else if (type.equals("assignment")) {
        TSNode left = n.getChildByFieldName("left");
        if (left != null && !left.isNull() && left.getType().equals("subscript")) {
          key = left.getChildByFieldName("subscript");
          value = n.getChildByFieldName("right");
        }
      }
      if (key != null && !key.isNull() && value != null && !value.isNull()
          && tree.text(value).strip().equals(name)
          && INSTALL_STEP.matcher(unquote(tree.text(key).strip())).matches()) {
        return true;
      }
      for (int i = n.getChildCount() - 1; i >= 0; i--) {
        stack.push(n.getChild(i));
      }
    }
    return false;
  }

  private static String unquote(String t) {
    return t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'')
        && t.charAt(t.length() - 1) == t.charAt(0) ? t.substring(1, t.length() - 1) : t;
  }

  /** {@code if __name__ == "__main__":}, whose body does not run on import. */
  private boolean mainGuard(TSNode ifStmt) {
    TSNode cond = ifStmt.getChildByFieldName("condition");
    return cond != null && !cond.isNull() && tree.text(cond).contains("__name__");
  }

  /**
   * A name as Python sees it: identifiers are NFKC-normalised, so {@code 𝗿𝗲𝙦𝘂𝙚𝘀𝘁𝘀.get} written in
   * mathematical letters is {@code requests.get}. Obfuscators rely on readers not knowing this.
   */
  static String norm(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7f) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC);
      }
    }
    return name;
  }

  /**
   * The callee with import aliases applied: {@code s.run} after {@code import subprocess as s} is
   * {@code subprocess.run}; {@code __import__('os').system} is {@code os.system}.
   */
  String resolve(String raw) {
    String c = norm(raw.replace(" ", "").replace("\n", "").replace("\t", ""));
    for (String dyn : new String[] {"__import__(", "importlib.import_module("}) {
      if (c.startsWith(dyn) && c.length() > dyn.length() + 2) {
        char q = c.charAt(dyn.length());
        int end = c.indexOf(q, dyn.length() + 1);
        if ((q == '\'' || q == '"') && end > 0 && end + 1 < c.length() && c.charAt(end + 1) == ')') {
          c = c.substring(dyn.length() + 1, end) + c.substring(end + 2);
        }
      }
    }
    int dot = c.indexOf('.');
    String head = dot < 0 ? c : c.substring(0, dot);
    String mapped = aliases.get(head);
    if (mapped != null && !mapped.startsWith(".")) {
      return mapped + (dot < 0 ? "" : c.substring(dot));
    }
    return c;
  }
}
