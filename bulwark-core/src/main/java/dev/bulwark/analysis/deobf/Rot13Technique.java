package dev.bulwark.analysis.deobf;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** Python {@code codecs.decode('…', 'rot13')} (also rot_13). */
final class Rot13Technique implements Technique {
  private static final Pattern ROT =
      Pattern.compile("codecs\\.decode\\(\\s*" + Patterns.STR + "\\s*,\\s*['\"]rot_?13['\"]");

  @Override
  public List<Reveal> find(String text, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Patterns.M m : Patterns.all(ROT, text)) {
      String s = Decoders.rot13(Decoders.unescape(Patterns.body(m, 1)));
      if (s.length() >= 2 && s.length() <= maxBytes) {
        out.add(new Reveal("rot13", m.start(), s, s.length() < 200));
      }
    }
    return out;
  }
}
