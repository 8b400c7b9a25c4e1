package dev.bulwark.analysis;

/**
 * Bounds on the work done per file. Every hostile input hits one of these instead of hanging.
 *
 * @param parseMillis time budget for parsing one file
 * @param queryMillis time budget for all tree-sitter queries and data flow on one file
 * @param maxTextBytes larger files are not scanned as text
 * @param maxParseBytes larger files are not parsed (rules without queries still run)
 * @param decodeDepth how many deobfuscation layers are peeled
 * @param maxDecodedBytes cap on one decoded payload
 * @param maxDecodedPerFile cap on the number of payloads decoded from one file
 * @param fileMillis time budget for all work on one shipped file and the files derived from it
 */
public record EngineLimits(
    long parseMillis,
    long queryMillis,
    int maxTextBytes,
    int maxParseBytes,
    int decodeDepth,
    int maxDecodedBytes,
    int maxDecodedPerFile,
    long fileMillis) {
  public static final EngineLimits DEFAULT =
      new EngineLimits(2_000, 2_000, 8 * 1024 * 1024, 2 * 1024 * 1024, 3, 1024 * 1024, 32, 8_000);
}
