package dev.bulwark.analysis.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code regex}: an RE2/J pattern, linear time on any input. */
record RegexMatcher(Pattern pattern, Set<String> prefilter) implements Matcher {
  RegexMatcher {
    prefilter = Set.copyOf(prefilter);
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    if (!ctx.mayContain(prefilter)) {
      return List.of();
    }
    String text = ctx.text();
    List<Hit> hits = new ArrayList<>();
    for (int[] region : ctx.regexRegions(prefilter)) {
      com.google.re2j.Matcher m = pattern.matcher(text.subSequence(region[0], region[1]));
      while (hits.size() < MatchContext.MAX_HITS && m.find()) {
        hits.add(Hit.of(region[0] + m.start(), region[0] + m.end()));
        if (m.end() == m.start() && m.end() >= region[1] - region[0]) {
          break;
        }
      }
    }
    return Hits.normalize(hits);
  }

  @Override
  public Set<String> requiredLiterals() {
    return prefilter;
  }
}
