package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code heuristic}: a coded check with optional parameters. */
record HeuristicMatcher(String name, Map<String, String> params) implements Matcher {
  HeuristicMatcher {
    params = Map.copyOf(params);
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    return Hits.normalize(ctx.heuristic(name, params));
  }

  @Override
  public Set<String> requiredLiterals() {
    return Set.of();
  }

  /**
   * Heuristics are served by the per-file services (with the tree, parsed lazily), so a rule that
   * calls one needs them even when it has no query: without this, such a rule found nothing in a
   * file where no other selected rule happened to need a tree.
   */
  @Override
  public boolean needsTree() {
    return true;
  }
}
