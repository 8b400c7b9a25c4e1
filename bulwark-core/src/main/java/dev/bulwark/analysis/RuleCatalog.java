package dev.bulwark.analysis;

import dev.bulwark.analysis.heuristics.BuiltinHeuristics;
import dev.bulwark.analysis.parse.QueryCache;
import dev.bulwark.analysis.rules.Rule;
import dev.bulwark.analysis.rules.RuleLoader;
import dev.bulwark.analysis.rules.RuleParser;
import dev.bulwark.model.ExtractionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All detection rules the engine runs: the built-in YAML rules, user rule folders, coded
 * heuristics and the archive reader's checks. Immutable and thread-safe.
 */
public final class RuleCatalog {
  private final List<Rule> rules;
  private final List<ExtractionException> errors;

  private RuleCatalog(List<Rule> rules, List<ExtractionException> errors) {
    this.rules = List.copyOf(rules);
    this.errors = List.copyOf(errors);
  }

  /** The rule parser with the engine's heuristics and tree-sitter query validation. */
  public static RuleParser parser() {
    return new RuleParser(heuristicNames(), QueryCache::check);
  }

  static Set<String> heuristicNames() {
    Set<String> names = new java.util.TreeSet<>();
    BuiltinHeuristics.all().forEach(h -> names.add(h.name()));
    return names;
  }

  /** The built-in rules packaged under {@code dev/bulwark/rules/}. */
  public static RuleCatalog builtin() {
    RuleLoader.Loaded l = new RuleLoader(parser()).loadBuiltin(RuleCatalog.class.getClassLoader());
    return new RuleCatalog(l.rules(), l.errors());
  }

  /** A catalog of exactly these rules (tests, examples). */
  public static RuleCatalog of(List<Rule> rules) {
    return new RuleCatalog(rules, List.of());
  }

  /**
   * This catalog plus the rules of a user folder. Invalid files are reported in {@link #errors()}
   * with file and line; a user rule with the id of an existing rule replaces it.
   */
  public RuleCatalog withUserRules(Path dir) {
    RuleLoader.Loaded l = new RuleLoader(parser()).loadDirectory(dir);
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    l.rules().forEach(r -> byId.put(r.id(), r));
    List<ExtractionException> errs = new ArrayList<>(errors);
    errs.addAll(l.errors());
    return new RuleCatalog(new ArrayList<>(byId.values()), errs);
  }

  /** The valid YAML rules, sorted by id. */
  public List<Rule> rules() {
    return rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
  }

  /**
   * Runs a rule's examples through the engine with only that rule loaded: one message (with file
   * and line) per example that does not behave as declared; empty when all do.
   */
  public static List<String> verifyExamples(Rule rule) {
    return RuleExamples.failures(rule);
  }

  /** One error per rule file that could not be loaded, with file and line. */
  public List<ExtractionException> errors() {
    return errors;
  }
}
