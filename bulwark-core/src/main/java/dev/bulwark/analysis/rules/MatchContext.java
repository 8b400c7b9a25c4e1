package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What matchers see of one (possibly virtual) file. The engine implements it; parsing, heuristics
 * and data flow are behind it so that matchers stay plain data.
 */
public interface MatchContext {
  /** At most this many hits are kept per matcher and file. */
  int MAX_HITS = 64;

  /** The file's text (binary files as Latin-1). */
  String text();

  /** {@link #text()} lower-cased char by char, so offsets are the same. */
  String lowerText();

  /** The detected language of the file. */
  Language language();

  /**
   * Regions [start, end) where regular expressions run. The whole text for ordinary files; windows
   * around pre-filter hits for huge single-line files.
   */
  List<int[]> regexRegions();

  /**
   * False when the pre-filter pass proved that none of these lower-cased literals occurs (so a
   * matcher that requires one of them cannot match). True for an empty set.
   */
  default boolean mayContain(java.util.Set<String> literals) {
    return true;
  }

  /** Like {@link #regexRegions()}, but for huge files only around these pre-filter literals. */
  default List<int[]> regexRegions(java.util.Set<String> literals) {
    return regexRegions();
  }

  /**
   * Every start offset of this lower-cased literal in {@link #lowerText()}, sorted; null when not
   * known (the literal was not in the engine's pass, or it occurs too often to keep them all).
   */
  default int[] positions(String lowerLiteral) {
    return null;
  }

  /** Runs a tree-sitter query; empty when the file cannot be parsed in its budget. */
  List<Hit> query(QuerySpec query);

  /** Runs a coded heuristic. */
  List<Hit> heuristic(String name, Map<String, String> params);

  /** Runs the light data-flow analysis. */
  List<Hit> flow(Set<String> sources, Set<String> sinks);
}
