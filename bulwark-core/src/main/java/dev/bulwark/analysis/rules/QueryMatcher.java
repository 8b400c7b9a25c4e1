package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Set;

/** {@code query}: a tree-sitter query in the file's language, located by its {@code @match}. */
record QueryMatcher(QuerySpec spec, Set<String> prefilter) implements Matcher {
  QueryMatcher {
    prefilter = Set.copyOf(prefilter);
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    return ctx.mayContain(prefilter) ? Hits.normalize(ctx.query(spec)) : List.of();
  }

  @Override
  public Set<String> requiredLiterals() {
    return prefilter;
  }

  @Override
  public boolean needsTree() {
    return true;
  }
}
