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

  /** The inner literals still go into the pre-filter trie, so that the inner item can run. */
  @Override
  public Set<String> allLiterals() {
    java.util.Set<String> out = new java.util.TreeSet<>(inner.allLiterals());
    out.addAll(inner.requiredLiterals());
    return out;
  }

  @Override
  public Set<String> positionLiterals() {
    return inner.positionLiterals();
  }

  @Override
  public boolean needsTree() {
    return inner.needsTree();
  }
}
