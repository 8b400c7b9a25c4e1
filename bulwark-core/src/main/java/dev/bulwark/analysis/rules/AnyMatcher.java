package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code any}: at least one item matches. Its literal sets are computed once. */
final class AnyMatcher implements Matcher {
  private final List<Matcher> items;
  private final Set<String> required;
  private final Set<String> all;
  private final boolean tree;

  AnyMatcher(List<Matcher> items) {
    this.items = List.copyOf(items);
    this.required = Set.copyOf(required(this.items));
    Set<String> a = new TreeSet<>();
    this.items.forEach(m -> a.addAll(m.allLiterals()));
    this.all = Set.copyOf(a);
    this.tree = this.items.stream().anyMatch(Matcher::needsTree);
  }

  List<Matcher> items() {
    return items;
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    List<Hit> hits = new ArrayList<>();
    for (Matcher m : items) {
      hits.addAll(m.find(ctx));
    }
    return Hits.normalize(hits);
  }

  @Override
  public Set<String> requiredLiterals() {
    return required;
  }

  /** Known only when every item has a pre-filter set. */
  private static Set<String> required(List<Matcher> items) {
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
    return all;
  }

  @Override
  public boolean needsTree() {
    return tree;
  }

  @Override
  public Set<String> positionLiterals() {
    Set<String> out = new TreeSet<>();
    items.forEach(m -> out.addAll(m.positionLiterals()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnyMatcher m && m.items.equals(items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return "AnyMatcher[items=" + items + "]";
  }
}
