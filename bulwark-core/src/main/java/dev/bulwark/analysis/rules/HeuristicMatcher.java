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
}
