package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;

/** Python {@code codecs.decode('…', 'rot13')} (also rot_13). */
final class Rot13Technique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (!Gates.contains(text, "rot13") && !Gates.contains(text, "rot_13")) {
      return List.of();
    }
    List<Reveal> out = new ArrayList<>();
    for (int i = 0; i + 1 < lits.size() && out.size() < MAX_CANDIDATES; i++) {
      Literals.Lit l = lits.get(i);
      Literals.Lit codec = lits.get(i + 1);
      boolean call = Literals.endsWith(text, l.start(), "codecs.decode(") >= 0
          || Literals.endsWith(text, l.start(), "decode(") >= 0;
      boolean rot = codec.body().equals("rot13") || codec.body().equals("rot_13");
      if (call && rot && text.substring(l.end(), codec.start()).strip().equals(",")) {
        String s = Decoders.rot13(l.value());
        if (s.length() >= 2 && s.length() <= maxBytes) {
          out.add(new Reveal("rot13", l.start(), s, s.length() < 200));
        }
      }
    }
    return out;
  }
}
