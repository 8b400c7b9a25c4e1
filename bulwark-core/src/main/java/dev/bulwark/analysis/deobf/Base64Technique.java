package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/** Standard and URL-safe base64 runs, kept when they decode to text (possibly zlib/gzip). */
final class Base64Technique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    return ofRuns(text, Runs.of(text, Runs::base64, MIN_RUN), maxBytes);
  }

  static final int MIN_RUN = 20;

  /** The reveals of these base64 runs of {@code text}. */
  List<Reveal> ofRuns(String text, List<Runs.Run> runs, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Runs.Run r : runs) {
      String run = text.substring(r.start(), r.end());
      if (run.length() > maxBytes * 4L / 3 + 4 || !mixed(run)) {
        continue;
      }
      Decoders.base64(run)
          .flatMap(b -> Decoders.textOrInflated(b, 8, maxBytes))
          .ifPresent(s -> out.add(new Reveal("base64", r.start(), s, false)));
    }
    return out;
  }

  /** Identifiers and words rarely mix upper case, lower case and digits like base64 does. */
  private static boolean mixed(String s) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && (digit || s.length() >= 40);
  }
}
