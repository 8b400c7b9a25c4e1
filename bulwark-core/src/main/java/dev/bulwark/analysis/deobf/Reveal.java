package dev.bulwark.analysis.deobf;

/**
 * One payload found by a technique.
 *
 * @param technique short name, e.g. "base64", "fromCharCode"
 * @param offset where the encoded form starts in the source text
 * @param payload the decoded text
 * @param small true for short fragments (concatenations, char codes) that are merged into one
 *     virtual file instead of one file each
 */
record Reveal(String technique, int offset, String payload, boolean small) {}
