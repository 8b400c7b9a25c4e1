package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SharedParse;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.QuerySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-file services backed by one lazily parsed syntax tree. Parsing and querying each have a
 * work budget (a child of the file's); running out is reported through {@link #skippedReason()}.
 * The tree comes from the file's {@link SharedParse}, which the heuristics read too, so a file is
 * parsed once; the flow facts of the tree are collected once for all flow rules of the file, and
 * a later rule is charged the collection's work again (see {@link dev.bulwark.analysis.flow.FlowAnalysis.Facts}).
 */
final class TreeServices implements FileServices {
  private final ScanFile file;
  private final EngineLimits limits;
  private final Heuristics heuristics;
  private Optional<SyntaxTree> tree;
  private Budget queryBudget;
  private String skipped = "";

  private final Budget fileBudget;
  private final SharedParse parses;
  private final dev.bulwark.analysis.flow.FlowAnalysis.Memo flows = new dev.bulwark.analysis.flow.FlowAnalysis.Memo();

  TreeServices(ScanFile file, EngineLimits limits, Heuristics heuristics, Budget fileBudget, SharedParse parses) {
    this.file = file;
    this.limits = limits;
    this.heuristics = heuristics;
    this.fileBudget = fileBudget;
    this.parses = parses;
  }

  /** The tree, parsed on first use; empty when it cannot be parsed in budget. */
  Optional<SyntaxTree> tree() {
    if (tree == null) {
      tree = Optional.empty();
      if (!SyntaxTree.supports(file.language())) {
        return tree;
      }
      if (file.text().length() > limits.maxParseBytes()) {
        skipped = "not parsed: larger than " + limits.maxParseBytes() + " bytes (query rules skipped)";
        return tree;
      }
      Budget b = fileBudget.child(limits.parseWork());
      tree = parses.parse(file.language(), file.text(), b);
      if (tree.isEmpty()) {
        skipped = b.ranOutOfTime()
            ? "parse hit the wall-clock limit (last resort; query rules skipped)"
            : "parse ran out of its work budget (query rules skipped)";
      }
      queryBudget = fileBudget.child(limits.queryWork());
    }
    return tree;
  }

  @Override
  public List<Hit> query(QuerySpec query) {
    Optional<SyntaxTree> t = tree();
    if (t.isEmpty() || queryBudget.wasExceeded()) {
      return List.of();
    }
    List<Hit> hits = t.get().query(query.source(), queryBudget);
    if (queryBudget.wasExceeded() && skipped.isEmpty()) {
      skipped = queryBudget.ranOutOfTime()
          ? "queries hit the wall-clock limit (last resort; some rules skipped)"
          : "queries ran out of their work budget (some rules skipped)";
    }
    return hits;
  }

  @Override
  public List<Hit> heuristic(String name, Map<String, String> params) {
    return heuristics.run(name, file, params, parses);
  }

  @Override
  public List<Hit> flow(Set<String> sources, Set<String> sinks) {
    Optional<SyntaxTree> t = tree();
    if (t.isEmpty() || queryBudget.wasExceeded()) {
      return List.of();
    }
    return dev.bulwark.analysis.flow.FlowAnalysis.find(t.get(), file, sources, sinks, queryBudget, flows);
  }

  @Override
  public String skippedReason() {
    return skipped;
  }

  /** The tree belongs to the file's {@link SharedParse}, which the analyzer closes after the heuristics. */
  @Override
  public void close() {
    tree = Optional.empty();
  }
}
