package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for hit lists. */
final class Hits {
  private Hits() {}

  /** Sorted, distinct, capped copy. */
  static List<Hit> normalize(List<Hit> hits) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(null);
    List<Hit> out = new ArrayList<>();
    Hit last = null;
    for (Hit h : sorted) {
      if (last != null && last.start() == h.start() && last.end() == h.end()) {
        continue;
      }
      out.add(h);
      last = h;
      if (out.size() >= MatchContext.MAX_HITS) {
        break;
      }
    }
    return List.copyOf(out);
  }
}
