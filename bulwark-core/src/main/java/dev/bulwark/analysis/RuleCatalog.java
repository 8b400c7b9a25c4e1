package dev.bulwark.analysis;

import dev.bulwark.analysis.heuristics.BuiltinHeuristics;
import dev.bulwark.analysis.heuristics.Heuristic;
import dev.bulwark.analysis.parse.QueryCache;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.Rule;
import dev.bulwark.analysis.rules.RuleLoader;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.analysis.rules.RuleParser;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All detections the engine knows: the built-in YAML rules, user rule folders, coded heuristics
 * and the archive reader's checks (registered with {@link #withReaderRules}). Immutable and
 * thread-safe; the {@code with…} methods return new catalogs.
 */
public final class RuleCatalog {
  private final List<Rule> rules;
  private final List<RuleMeta> readerRules;
  private final List<ExtractionException> errors;

  private RuleCatalog(List<Rule> rules, List<RuleMeta> readerRules, List<ExtractionException> errors) {
    this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
    this.readerRules = List.copyOf(readerRules);
    this.errors = List.copyOf(errors);
  }

  /** The rule parser with the engine's heuristics and tree-sitter query validation. */
  public static RuleParser parser() {
    return new RuleParser(heuristicNames(), QueryCache::check);
  }

  static Set<String> heuristicNames() {
    Set<String> names = new TreeSet<>();
    BuiltinHeuristics.all().forEach(h -> names.add(h.name()));
    return names;
  }

  /** The built-in rules packaged under {@code dev/bulwark/rules/}; invalid ones are in errors(). */
  public static RuleCatalog builtin() {
    RuleLoader.Loaded l = new RuleLoader(parser()).loadBuiltin(RuleCatalog.class.getClassLoader());
    return new RuleCatalog(l.rules(), List.of(), l.errors());
  }

  /** A catalog of exactly these YAML rules (tests, examples). */
  public static RuleCatalog of(List<Rule> rules) {
    return new RuleCatalog(rules, List.of(), List.of());
  }

  /**
   * This catalog plus the rules of a user folder ({@code --rules DIR}). Each invalid file is
   * reported in {@link #errors()} with file and line and skipped; a user rule with the id of an
   * existing rule replaces it.
   */
  public RuleCatalog withUserRules(Path dir) {
    RuleLoader.Loaded l = new RuleLoader(parser()).loadDirectory(dir);
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    l.rules().forEach(r -> byId.put(r.id(), r));
    List<ExtractionException> errs = new ArrayList<>(errors);
    errs.addAll(l.errors());
    return new RuleCatalog(new ArrayList<>(byId.values()), readerRules, errs);
  }

  /** This catalog plus the archive reader's checks, so that they can be listed and explained. */
  public RuleCatalog withReaderRules(List<RuleMeta> metas) {
    return new RuleCatalog(rules, metas, errors);
  }

  /** The valid YAML rules, sorted by id. */
  public List<Rule> rules() {
    return rules;
  }

  /** One error per rule file that could not be loaded, with file and line. */
  public List<ExtractionException> errors() {
    return errors;
  }

  /** Every detection (YAML rules, heuristics, reader checks), sorted by id. */
  public List<RuleInfo> list() {
    Map<String, RuleInfo> out = new TreeMap<>();
    for (RuleMeta m : readerRules) {
      out.put(m.id(), new RuleInfo(m, "reader", "archive reader", List.of(), List.of(), List.of(), List.of()));
    }
    for (Heuristic h : BuiltinHeuristics.all()) {
      if (h.standalone()) {
        out.put(h.meta().id(), new RuleInfo(h.meta(), "heuristic", "heuristic " + h.name(), List.of(),
            List.of(), List.of(), List.of()));
      }
    }
    for (Rule r : rules) {
      List<String> eco = r.ecosystems().size() == Ecosystem.values().length ? List.of()
          : r.ecosystems().stream().map(Ecosystem::osvName).sorted().toList();
      out.put(r.id(), new RuleInfo(r.meta(), "yaml", r.origin(), eco,
          r.languages().stream().map(Language::jsonName).sorted().toList(), r.matchExamples(), r.nomatchExamples()));
    }
    return List.copyOf(out.values());
  }

  /** One detection by id. */
  public Optional<RuleInfo> find(String id) {
    return list().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /**
   * Runs a rule's examples through the engine with only that rule loaded: one message (with file
   * and line) per example that does not behave as declared; empty when all do.
   */
  public static List<String> verifyExamples(Rule rule) {
    return RuleExamples.failures(rule);
  }
}
