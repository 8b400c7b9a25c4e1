package dev.bulwark.analysis.rules;

import com.google.re2j.PatternSyntaxException;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses and validates one rule file (the format in docs/rules.md). */
public final class RuleParser {
  /** Checks a tree-sitter query for a language; returns an error message when it is invalid. */
  @FunctionalInterface
  public interface QueryChecker {
    Optional<String> check(Language language, String query);
  }

  private static final Set<String> RULE_FIELDS =
      Set.of(
          "id", "title", "severity", "confidence", "category", "kind", "ecosystems", "languages",
          "files", "scope", "match", "message", "explanation", "references", "examples");
  private static final Set<String> MATCH_FIELDS =
      Set.of(
          "literal", "literal-ci", "regex", "query", "heuristic", "params", "flow", "all", "any",
          "not", "near", "prefilter", "except");
  private static final Set<String> KINDS =
      Set.of("literal", "literal-ci", "regex", "query", "heuristic", "flow", "all", "any", "not");
  private static final com.google.re2j.Pattern ID =
      com.google.re2j.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final int MAX_DEPTH = 16;

  private final Set<String> heuristics;
  private final QueryChecker queries;
  private final java.util.function.Function<Set<String>, Set<String>> flowPrefilter;

  /**
   * @param heuristics the heuristic names the engine knows
   * @param queries validates tree-sitter queries
   */
  public RuleParser(Set<String> heuristics, QueryChecker queries) {
    this(heuristics, queries, sources -> Set.of());
  }

  /**
   * @param heuristics the heuristic names the engine knows
   * @param queries validates tree-sitter queries
   * @param flowPrefilter the pre-filter strings of a flow rule's sources (empty: none)
   */
  public RuleParser(Set<String> heuristics, QueryChecker queries,
      java.util.function.Function<Set<String>, Set<String>> flowPrefilter) {
    this.heuristics = Set.copyOf(heuristics);
    this.queries = queries;
    this.flowPrefilter = flowPrefilter;
  }

  /**
   * Parses one rule.
   *
   * @param yaml the file content
   * @param origin the file's display path, used in errors
   * @param expectedId the file name without ".yml"
   */
  public Rule parse(String yaml, String origin, String expectedId) throws ExtractionException {
    YamlTree t = new YamlTree(origin);
    Node root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(origin).setMaxAliasesForCollections(5).build())
              .composeString(yaml)
              .orElseThrow(() -> new ExtractionException(origin, 1, "empty rule file"));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ExtractionException(origin, line, "invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ExtractionException(origin, 0, "invalid YAML: " + e.getMessage());
    }
    Map<String, Node> m = t.mapping(root, "rule", RULE_FIELDS);
    String id = t.required(m, root, "id");
    if (!ID.matches(id)) {
      throw t.error(m.get("id"), "id '" + id + "' is not kebab-case");
    }
    if (!id.equals(expectedId)) {
      throw t.error(m.get("id"), "id '" + id + "' differs from the file name '" + expectedId + "'");
    }
    RuleMeta meta = meta(t, m, root, id);
    Set<Language> languages = languages(t, m);
    Matcher match = matcher(t, need(t, m, root, "match"), languages, id, 0);
    Map<String, Node> ex = t.mapping(need(t, m, root, "examples"), "examples", Set.of("match", "nomatch"));
    Language first = languages.iterator().next();
    return new Rule(
        meta,
        ecosystems(t, m),
        languages,
        selector(t, m),
        scopes(t, m),
        match,
        examples(t, ex, need(t, m, root, "examples"), "match", first),
        examples(t, ex, need(t, m, root, "examples"), "nomatch", first),
        origin);
  }

  private static Node need(YamlTree t, Map<String, Node> m, Node owner, String key)
      throws ExtractionException {
    Node n = m.get(key);
    if (n == null) {
      throw t.error(owner, "missing required field '" + key + "'");
    }
    return n;
  }

  private RuleMeta meta(YamlTree t, Map<String, Node> m, Node root, String id)
      throws ExtractionException {
    String sev = t.required(m, root, "severity");
    Severity severity =
        Severity.parse(sev)
            .filter(s -> s != Severity.UNKNOWN)
            .orElseThrow(() -> t.error(m.get("severity"), "severity must be critical, high, medium or low"));
    Confidence confidence =
        Confidence.parse(t.required(m, root, "confidence"))
            .orElseThrow(() -> t.error(m.get("confidence"), "confidence must be high, medium or low"));
    String cat = t.required(m, root, "category");
    Category category =
        Category.parse(cat).orElseThrow(() -> t.error(m.get("category"), "unknown category '" + cat + "'"));
    String kind = t.required(m, root, "kind");
    if (!kind.equals("threat") && !kind.equals("capability")) {
      throw t.error(m.get("kind"), "kind must be threat or capability");
    }
    Node exNode = need(t, m, root, "explanation");
    Map<String, Node> ex = t.mapping(exNode, "explanation", Set.of("what", "why", "action"));
    Explanation explanation =
        new Explanation(
            t.required(ex, exNode, "what"), t.required(ex, exNode, "why"), t.required(ex, exNode, "action"));
    return new RuleMeta(
        id,
        t.required(m, root, "title"),
        severity,
        confidence,
        category,
        kind.equals("threat"),
        t.required(m, root, "message"),
        explanation,
        references(t, m));
  }

  private static List<Reference> references(YamlTree t, Map<String, Node> m)
      throws ExtractionException {
    List<Reference> out = new ArrayList<>();
    if (m.containsKey("references")) {
      for (Node item : t.items(m.get("references"), "references")) {
        Map<String, Node> r = t.mapping(item, "reference", Set.of("mitre", "url"));
        if (r.size() != 1) {
          throw t.error(item, "a reference has exactly one of mitre or url");
        }
        Map.Entry<String, Node> e = r.entrySet().iterator().next();
        out.add(new Reference(e.getKey(), t.string(e.getValue(), e.getKey()).trim()));
      }
    }
    return out;
  }

  private static Set<Ecosystem> ecosystems(YamlTree t, Map<String, Node> m)
      throws ExtractionException {
    if (!m.containsKey("ecosystems")) {
      return EnumSet.allOf(Ecosystem.class);
    }
    Set<Ecosystem> out = EnumSet.noneOf(Ecosystem.class);
    for (String s : t.strings(m.get("ecosystems"), "ecosystems")) {
      out.add(Ecosystem.parse(s).orElseThrow(() -> t.error(m.get("ecosystems"), "unknown ecosystem '" + s + "'")));
    }
    return out.isEmpty() ? EnumSet.allOf(Ecosystem.class) : out;
  }

  private static Set<Language> languages(YamlTree t, Map<String, Node> m)
      throws ExtractionException {
    if (!m.containsKey("languages")) {
      return Set.of(Language.ANY);
    }
    Set<Language> out = new java.util.LinkedHashSet<>();
    for (String s : t.strings(m.get("languages"), "languages")) {
      Language l = Language.parse(s)
          .orElseThrow(() -> t.error(m.get("languages"), "unknown language '" + s + "'"));
      out.add(l);
    }
    if (out.isEmpty()) {
      throw t.error(m.get("languages"), "languages is empty");
    }
    return out;
  }

  private static FileSelector selector(YamlTree t, Map<String, Node> m) throws ExtractionException {
    if (!m.containsKey("files")) {
      return FileSelector.ALL;
    }
    Map<String, Node> f = t.mapping(m.get("files"), "files", Set.of("include", "exclude"));
    List<String> inc = f.containsKey("include") ? t.strings(f.get("include"), "include") : List.of();
    List<String> exc = f.containsKey("exclude") ? t.strings(f.get("exclude"), "exclude") : List.of();
    return FileSelector.of(inc, exc);
  }

  private static Set<Scope> scopes(YamlTree t, Map<String, Node> m) throws ExtractionException {
    if (!m.containsKey("scope")) {
      return EnumSet.allOf(Scope.class);
    }
    Set<Scope> out = EnumSet.noneOf(Scope.class);
    for (String s : t.strings(m.get("scope"), "scope")) {
      switch (s.trim()) {
        case "code" -> out.add(Scope.CODE);
        case "decoded" -> out.add(Scope.DECODED);
        default -> throw t.error(m.get("scope"), "scope must be code or decoded, not '" + s + "'");
      }
    }
    return out.isEmpty() ? EnumSet.allOf(Scope.class) : out;
  }

  private static List<Example> examples(
      YamlTree t, Map<String, Node> ex, Node owner, String key, Language first)
      throws ExtractionException {
    Node list = ex.get(key);
    if (list == null) {
      throw t.error(owner, "examples." + key + " is missing: every rule needs at least one");
    }
    List<Example> out = new ArrayList<>();
    for (Node item : t.items(list, "examples." + key)) {
      Map<String, Node> e = t.mapping(item, "example", Set.of("code", "path"));
      if (!e.containsKey("code")) {
        throw t.error(item, "example without code");
      }
      String path = e.containsKey("path") ? t.string(e.get("path"), "path").trim() : "";
      if (path.isEmpty()) {
        path = "index." + first.extension();
      }
      out.add(new Example(t.string(e.get("code"), "code"), path, YamlTree.line(item)));
    }
    if (out.isEmpty()) {
      throw t.error(list, "examples." + key + " is empty: every rule needs at least one");
    }
    return out;
  }

  Matcher matcher(YamlTree t, Node n, Set<Language> languages, String id, int depth)
      throws ExtractionException {
    if (depth > MAX_DEPTH) {
      throw t.error(n, "match is nested too deep");
    }
    Map<String, Node> m = t.mapping(n, "match", MATCH_FIELDS);
    List<String> kinds = m.keySet().stream().filter(KINDS::contains).toList();
    if (kinds.size() != 1) {
      throw t.error(n, "a match item has exactly one of " + String.join(", ", new java.util.TreeSet<>(KINDS)) + "; found " + kinds);
    }
    String kind = kinds.get(0);
    Node v = m.get(kind);
    checkExtras(t, m, kind, n);
    Set<String> prefilter = prefilter(t, m);
    return switch (kind) {
      case "literal", "literal-ci" -> literal(t, v, kind.equals("literal-ci"));
      case "regex" -> except(t, m, regex(t, v, prefilter));
      case "query" -> query(t, v, languages, id, prefilter);
      case "heuristic" -> heuristic(t, v, m);
      case "flow" -> flow(t, v);
      case "not" -> new NotMatcher(matcher(t, v, languages, id, depth + 1));
      default -> combination(t, kind, v, m, languages, id, depth);
    };
  }

  private static void checkExtras(YamlTree t, Map<String, Node> m, String kind, Node n)
      throws ExtractionException {
    for (String k : m.keySet()) {
      boolean ok =
          k.equals(kind)
              || (k.equals("params") && kind.equals("heuristic"))
              || (k.equals("near") && kind.equals("all"))
              || (k.equals("prefilter") && (kind.equals("regex") || kind.equals("query")))
              || (k.equals("except") && kind.equals("regex"));
      if (!ok) {
        throw t.error(n, "field '" + k + "' cannot be used with '" + kind + "'");
      }
    }
  }

  private static Set<String> prefilter(YamlTree t, Map<String, Node> m) throws ExtractionException {
    if (!m.containsKey("prefilter")) {
      return Set.of();
    }
    Set<String> out = new java.util.TreeSet<>();
    for (String s : t.strings(m.get("prefilter"), "prefilter")) {
      if (s.isEmpty()) {
        throw t.error(m.get("prefilter"), "prefilter strings must not be empty");
      }
      out.add(LiteralMatcher.lower(s));
    }
    return out;
  }

  private static Matcher literal(YamlTree t, Node v, boolean ci) throws ExtractionException {
    List<String> lits = t.strings(v, ci ? "literal-ci" : "literal");
    if (lits.isEmpty() || lits.stream().anyMatch(String::isEmpty)) {
      throw t.error(v, "literal lists must be non-empty and contain no empty strings");
    }
    return new LiteralMatcher(lits, ci);
  }

  private static Matcher regex(YamlTree t, Node v, Set<String> prefilter) throws ExtractionException {
    String re = t.string(v, "regex");
    try {
      com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(re);
      return new RegexMatcher(p, prefilter.isEmpty() ? RegexLiterals.derive(re) : prefilter);
    } catch (PatternSyntaxException e) {
      throw t.error(v, "invalid RE2 pattern: " + e.getMessage());
    }
  }

  /** {@code except: NAME} beside a regex: its hits of a harmless form are dropped ({@link ExceptMatcher}). */
  private static Matcher except(YamlTree t, Map<String, Node> m, Matcher inner) throws ExtractionException {
    if (!m.containsKey("except")) {
      return inner;
    }
    String name = t.string(m.get("except"), "except");
    try {
      return new ExceptMatcher(inner, ExceptMatcher.Kind.of(name));
    } catch (IllegalArgumentException e) {
      throw t.error(m.get("except"), "unknown except '" + name + "' (known: toolchain-installers)");
    }
  }

  private Matcher query(YamlTree t, Node v, Set<Language> languages, String id, Set<String> prefilter)
      throws ExtractionException {
    String q = t.string(v, "query");
    for (Language l : languages) {
      Optional<String> err = queries.check(l, q);
      if (err.isPresent()) {
        throw t.error(v, "invalid tree-sitter query for " + l.jsonName() + ": " + err.get());
      }
    }
    Set<String> pf = prefilter.isEmpty() ? QueryLiterals.derive(q) : prefilter;
    return new QueryMatcher(new QuerySpec(id, q), pf);
  }

  private Matcher heuristic(YamlTree t, Node v, Map<String, Node> m) throws ExtractionException {
    String name = t.string(v, "heuristic").trim();
    if (!heuristics.contains(name)) {
      throw t.error(v, "unknown heuristic '" + name + "'; known: " + String.join(", ", new java.util.TreeSet<>(heuristics)));
    }
    Map<String, String> params = new java.util.TreeMap<>();
    if (m.containsKey("params")) {
      Node pn = m.get("params");
      if (!(pn instanceof org.snakeyaml.engine.v2.nodes.MappingNode mn)) {
        throw t.error(pn, "params must be a mapping");
      }
      for (var tuple : mn.getValue()) {
        params.put(t.string(tuple.getKeyNode(), "param name"), t.string(tuple.getValueNode(), "param value"));
      }
    }
    return new HeuristicMatcher(name, params);
  }

  private Matcher flow(YamlTree t, Node v) throws ExtractionException {
    Map<String, Node> f = t.mapping(v, "flow", Set.of("source", "sink"));
    if (!f.containsKey("source") || !f.containsKey("sink")) {
      throw t.error(v, "flow needs source and sink");
    }
    List<String> src = t.strings(f.get("source"), "source");
    List<String> snk = t.strings(f.get("sink"), "sink");
    for (String s : src) {
      if (!FlowMatcher.SOURCES.contains(s)) {
        throw t.error(f.get("source"), "unknown flow source '" + s + "'");
      }
    }
    for (String s : snk) {
      if (!FlowMatcher.SINKS.contains(s)) {
        throw t.error(f.get("sink"), "unknown flow sink '" + s + "'");
      }
    }
    return new FlowMatcher(Set.copyOf(src), Set.copyOf(snk), flowPrefilter.apply(Set.copyOf(src)));
  }

  private Matcher combination(
      YamlTree t, String kind, Node v, Map<String, Node> m, Set<Language> languages, String id, int depth)
      throws ExtractionException {
    List<Matcher> items = new ArrayList<>();
    for (Node item : t.items(v, kind)) {
      items.add(matcher(t, item, languages, id, depth + 1));
    }
    if (items.isEmpty()) {
      throw t.error(v, kind + " must not be empty");
    }
    if (kind.equals("any")) {
      return new AnyMatcher(items);
    }
    if (items.stream().allMatch(x -> x instanceof NotMatcher) && m.containsKey("near")) {
      throw t.error(v, "near needs at least one positive item");
    }
    int near = 0;
    if (m.containsKey("near")) {
      try {
        near = Integer.parseInt(t.string(m.get("near"), "near").trim());
      } catch (NumberFormatException e) {
        throw t.error(m.get("near"), "near must be a whole number of characters");
      }
      if (near <= 0) {
        throw t.error(m.get("near"), "near must be positive");
      }
    }
    return new AllMatcher(items, near);
  }
}
