package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Base64Technique} then {@link HexTechnique}, with the runs of both character classes
 * found in one pass over the text (hex digits are base64 characters, so one loop sees both).
 * The reveals come in the same order as running the two techniques one after the other.
 */
final class RunTechniques implements Technique {
  private final Base64Technique base64 = new Base64Technique();
  private final HexTechnique hex = new HexTechnique();

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    Runs.Classes runs = Runs.base64AndHex(text, Base64Technique.MIN_RUN, HexTechnique.MIN_RUN);
    List<Reveal> out = new ArrayList<>(base64.ofRuns(text, runs.base64(), maxBytes));
    out.addAll(hex.ofRuns(text, runs.hex(), maxBytes));
    return out;
  }
}
