package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A test context with text only: JavaScript, no tree, no heuristics, no flow. */
interface TextOnlyContext extends MatchContext {
  @Override
  default Language language() {
    return Language.JAVASCRIPT;
  }

  @Override
  default List<Hit> query(QuerySpec query) {
    return List.of();
  }

  @Override
  default List<Hit> heuristic(String name, Map<String, String> params) {
    return List.of();
  }

  @Override
  default List<Hit> flow(Set<String> sources, Set<String> sinks) {
    return List.of();
  }
}
