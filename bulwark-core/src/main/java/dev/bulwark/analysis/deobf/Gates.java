package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.TextGates;
import java.util.List;

/**
 * The literals the techniques check for before doing any work, answered by one pass per text
 * ({@link TextGates}) where each {@code String.contains} of an absent literal read the whole text
 * again (about fifteen passes per file).
 */
final class Gates {
  static final List<String> LITERALS = TextGates.CODE.literals();
  private static final TextGates GATES = TextGates.CODE;

  private Gates() {}

  /** {@code text.contains(literal)}. */
  static boolean contains(String text, String literal) {
    return GATES.contains(text, literal);
  }
}
