package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Set;

/** A rule's match expression: one matcher or a combination. Immutable and thread-safe. */
public sealed interface Matcher
    permits LiteralMatcher,
        RegexMatcher,
        QueryMatcher,
        HeuristicMatcher,
        FlowMatcher,
        AllMatcher,
        AnyMatcher,
        NotMatcher,
        ExceptMatcher {

  /** Where it matches in the file, sorted, at most {@link MatchContext#MAX_HITS}. */
  List<Hit> find(MatchContext ctx);

  /**
   * Pre-filter strings, lower-cased: when the file matches, at least one of them occurs in the
   * lower-cased text. Empty when no such set is known (the matcher must always run).
   */
  Set<String> requiredLiterals();

  /** Every literal this matcher can use as a pre-filter hint, lower-cased (for regex windows). */
  default Set<String> allLiterals() {
    return requiredLiterals();
  }

  /**
   * Lower-cased literals whose every occurrence this matcher can use ({@link
   * MatchContext#positions}); the engine's one literal pass records them.
   */
  default Set<String> positionLiterals() {
    return Set.of();
  }

  /** Whether this matcher (or a child) needs a syntax tree. */
  default boolean needsTree() {
    return false;
  }
}
