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
    List<List<Hit>> positive = new ArrayList<>();
    for (Matcher m : sortedCheapFirst()) {
      List<Hit> h = m.find(ctx);
      if (m instanceof NotMatcher) {
        if (h.isEmpty()) {
          return List.of();
        }
      } else {
        if (h.isEmpty()) {
          return List.of();
        }
        positive.add(h);
      }
    }
    if (positive.isEmpty()) {
      return List.of(Hit.of(0, 0));
    }
    // positive.get(0) belongs to the first positive item: sortedCheapFirst keeps it first.
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

  /** The first positive item stays first (it gives the location); tree-based items go last. */
  private List<Matcher> sortedCheapFirst() {
    List<Matcher> out = new ArrayList<>();
    List<Matcher> costly = new ArrayList<>();
    boolean firstPositiveSeen = false;
    for (Matcher m : items) {
      boolean positive = !(m instanceof NotMatcher);
      if (positive && !firstPositiveSeen) {
        out.add(0, m);
        firstPositiveSeen = true;
      } else if (m.needsTree()) {
        costly.add(m);
      } else {
        out.add(m);
      }
    }
    out.addAll(costly);
    return out;
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
