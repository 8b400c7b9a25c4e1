package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Set;

/** {@code not}: matches (at offset 0) when the inner item matches nowhere in the file. */
record NotMatcher(Matcher inner) implements Matcher {
  @Override
  public List<Hit> find(MatchContext ctx) {
    return inner.find(ctx).isEmpty() ? List.of(Hit.of(0, 0)) : List.of();
  }

  @Override
  public Set<String> requiredLiterals() {
    return Set.of();
  }

  @Override
  public Set<String> allLiterals() {
    return Set.of();
  }

  @Override
  public boolean needsTree() {
    return inner.needsTree();
  }
}
