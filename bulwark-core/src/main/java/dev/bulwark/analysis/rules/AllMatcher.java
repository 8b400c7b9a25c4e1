package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code all}: every positive item matches and every {@code not} item does not. With {@code near}
 * (0 = unlimited), every positive item has a hit within that many characters of an anchor hit of
 * the first positive item: the gap between the two hits' spans, 0 when they overlap (so a long
 * match, such as a 100 KB encoded blob, is near the code right after its end). Hits are the
 * anchors that qualify.
 */
final class AllMatcher implements Matcher {
  private final List<Matcher> items;
  private final int near;
  private final List<Integer> order;
  private final Set<String> required;
  private final Set<String> all;
  private final boolean tree;

  AllMatcher(List<Matcher> items, int near) {
    this.items = List.copyOf(items);
    this.near = near;
    this.order = List.copyOf(evaluationOrder(this.items));
    this.required = Set.copyOf(required(this.items));
    Set<String> a = new TreeSet<>();
    this.items.forEach(m -> a.addAll(m.allLiterals()));
    this.all = Set.copyOf(a);
    this.tree = this.items.stream().anyMatch(Matcher::needsTree);
  }

  List<Matcher> items() {
    return items;
  }

  int near() {
    return near;
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    // Cheap items first so that an expensive one (a regex with no literal to pre-filter on, or a
    // tree query) only runs when everything cheaper already matched. Hits are kept by the item's
    // position, so the first positive item still gives the location.
    List<List<Hit>> byItem = new ArrayList<>(java.util.Collections.nCopies(items.size(), List.of()));
    for (int i : order) {
      Matcher m = items.get(i);
      List<Hit> h = m.find(ctx);
      if (h.isEmpty()) {
        return List.of(); // a positive item without hits, or a `not` item (whose hit means "absent")
      }
      byItem.set(i, h);
    }
    List<List<Hit>> positive = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof NotMatcher)) {
        positive.add(byItem.get(i));
      }
    }
    if (positive.isEmpty()) {
      return List.of(Hit.of(0, 0));
    }
    List<Hit> anchors = positive.get(0);
    if (near <= 0) {
      return anchors;
    }
    List<Hit> out = new ArrayList<>();
    for (Hit a : anchors) {
      if (allNear(a, positive)) {
        out.add(a);
      }
    }
    return out;
  }

  private boolean allNear(Hit anchor, List<List<Hit>> positive) {
    for (int i = 1; i < positive.size(); i++) {
      boolean ok = false;
      for (Hit h : positive.get(i)) {
        if (gap(anchor, h) <= near) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Characters between two hits' spans; 0 when they overlap or touch. */
  static int gap(Hit a, Hit b) {
    return Math.max(0, Math.max(a.start(), b.start()) - Math.min(a.end(), b.end()));
  }

  /** Item indexes by cost: items with pre-filter literals, then those without, then tree-based. */
  private static List<Integer> evaluationOrder(List<Matcher> items) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparingInt(i -> cost(items.get(i))));
    return order;
  }

  private static int cost(Matcher m) {
    if (m.needsTree()) {
      return 2;
    }
    return m.requiredLiterals().isEmpty() ? 1 : 0;
  }

  @Override
  public Set<String> requiredLiterals() {
    return required;
  }

  /** The smallest pre-filter set among positive items that have one. */
  private static Set<String> required(List<Matcher> items) {
    Set<String> best = Set.of();
    for (Matcher m : items) {
      Set<String> r = m.requiredLiterals();
      if (!r.isEmpty() && (best.isEmpty() || r.size() < best.size())) {
        best = r;
      }
    }
    return best;
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
    return o instanceof AllMatcher m && m.items.equals(items) && m.near == near;
  }

  @Override
  public int hashCode() {
    return items.hashCode() * 31 + near;
  }

  @Override
  public String toString() {
    return "AllMatcher[items=" + items + ", near=" + near + "]";
  }
}
