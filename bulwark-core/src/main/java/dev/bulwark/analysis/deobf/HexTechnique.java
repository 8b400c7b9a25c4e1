package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/**
 * Hex: plain runs ({@code bytes.fromhex('6576…')}, {@code Buffer.from('…','hex')}) and escape
 * sequences ({@code \x65\x76}, {@code \\u0065}), kept when they decode to text.
 */
final class HexTechnique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    return ofRuns(text, Runs.of(text, Runs::hex, MIN_RUN), maxBytes);
  }

  static final int MIN_RUN = 24;

  /** The reveals of these hex runs of {@code text}, then of its escape runs. */
  List<Reveal> ofRuns(String text, List<Runs.Run> runs, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Runs.Run r : runs) {
      int len = (r.end() - r.start()) & ~1;
      if (len / 2 > maxBytes) {
        continue;
      }
      Decoders.hex(text.substring(r.start(), r.start() + len))
          .flatMap(b -> Decoders.textOrInflated(b, 6, maxBytes))
          .ifPresent(s -> out.add(new Reveal("hex", r.start(), s, s.length() < 200)));
    }
    for (Runs.Run r : Runs.escapes(text, 4)) {
      if (r.end() - r.start() > maxBytes * 6L) {
        continue;
      }
      String s = Decoders.unescape(text.substring(r.start(), r.end()));
      if (Decoders.printable(s) && s.length() >= 3) {
        out.add(new Reveal("escapes", r.start(), s, s.length() < 200));
      }
    }
    return out;
  }
}
