package dev.bulwark.analysis;

/**
 * Bounds on the work done per file. Every hostile input hits one of these instead of hanging.
 * Budgets are counted in work ({@link dev.bulwark.analysis.parse.Budget}: tree-sitter progress
 * callbacks of about 100 parser or query operations each, 1,024 nodes of the data-flow walk, one
 * rule evaluated), so the same input gets the same result on any machine and under any load.
 *
 * @param parseWork work budget for parsing one file
 * @param queryWork work budget for all tree-sitter queries and data flow on one file
 * @param maxTextBytes larger files are not scanned as text
 * @param maxParseBytes larger files are not parsed (rules without queries still run)
 * @param decodeDepth how many deobfuscation layers are peeled
 * @param maxDecodedBytes cap on one decoded payload
 * @param maxDecodedPerFile cap on the number of payloads decoded from one file
 * @param fileWork work budget for all work on one shipped file and the files derived from it
 * @param lastResortMillis wall-clock limit on one shipped file and its derived files, a last
 *     resort against a stall that work counting misses; reported when it fires
 */
public record EngineLimits(
    long parseWork,
    long queryWork,
    int maxTextBytes,
    int maxParseBytes,
    int decodeDepth,
    int maxDecodedBytes,
    int maxDecodedPerFile,
    long fileWork,
    long lastResortMillis) {
  /** Work units of a Python parse done by heuristics outside a file's budget (import follow, surface). */
  public static final long HEURISTIC_PARSE_WORK = 40_000;

  public static final EngineLimits DEFAULT = new EngineLimits(
      40_000, 40_000, 8 * 1024 * 1024, 2 * 1024 * 1024, 3, 1024 * 1024, 32, 160_000, 120_000);
}
