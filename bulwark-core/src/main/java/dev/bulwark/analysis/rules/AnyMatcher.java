package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code any}: at least one item matches. */
record AnyMatcher(List<Matcher> items) implements Matcher {
  AnyMatcher {
    items = List.copyOf(items);
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    List<Hit> hits = new ArrayList<>();
    for (Matcher m : items) {
      hits.addAll(m.find(ctx));
    }
    return Hits.normalize(hits);
  }

  /** Known only when every item has a pre-filter set. */
  @Override
  public Set<String> requiredLiterals() {
    Set<String> out = new TreeSet<>();
    for (Matcher m : items) {
      Set<String> r = m.requiredLiterals();
      if (r.isEmpty()) {
        return Set.of();
      }
      out.addAll(r);
    }
    return out;
  }

  @Override
  public Set<String> allLiterals() {
    Set<String> out = new TreeSet<>();
    items.forEach(m -> out.addAll(m.allLiterals()));
    return out;
  }

  @Override
  public boolean needsTree() {
    return items.stream().anyMatch(Matcher::needsTree);
  }
}
