package dev.bulwark.analysis.deobf;

import java.util.List;

/** One deobfuscation technique: finds encoded payloads in text, never runs anything. */
interface Technique {
  /** At most this many candidates are tried per technique and file. */
  int MAX_CANDIDATES = 128;

  /**
   * @param text the file's text
   * @param lits its string literals, in order
   * @param maxBytes cap on one payload
   */
  List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes);
}
