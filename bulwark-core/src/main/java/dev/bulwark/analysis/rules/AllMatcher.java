package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code all}: every positive item matches and every {@code not} item does not. With {@code near}
 * (0 = unlimited), every positive item has a hit within that many characters of an anchor hit of
 * the first positive item. Hits are the anchors that qualify.
 */
record AllMatcher(List<Matcher> items, int near) implements Matcher {
  AllMatcher {
    items = List.copyOf(items);
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    // Cheap items first so that an expensive one (a regex with no literal to pre-filter on, or a
    // tree query) only runs when everything cheaper already matched. Hits are kept by the item's
    // position, so the first positive item still gives the location.
    List<List<Hit>> byItem = new ArrayList<>(java.util.Collections.nCopies(items.size(), List.of()));
    for (int i : evaluationOrder()) {
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
        if (Math.abs(h.start() - anchor.start()) <= near) {
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

  /** Item indexes by cost: items with pre-filter literals, then those without, then tree-based. */
  private List<Integer> evaluationOrder() {
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

  /** The smallest pre-filter set among positive items that have one. */
  @Override
  public Set<String> requiredLiterals() {
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
    Set<String> out = new TreeSet<>();
    items.forEach(m -> out.addAll(m.allLiterals()));
    return out;
  }

  @Override
  public boolean needsTree() {
    return items.stream().anyMatch(Matcher::needsTree);
  }
}
